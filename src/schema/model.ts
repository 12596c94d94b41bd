/**
 * The schemas a learner works with: an Avro record of a few simple fields, each with or without a
 * default. Deliberately small (no unions, nesting or removal of the record name) so the form stays
 * simple; it is turned into a real Avro schema (toAvro) and every compatibility question is
 * answered by the avsc library (avro.ts), never by rules of our own.
 *
 * No avsc here: this file is in the first load (the scenario schema and the registry use it).
 */
export const FIELD_TYPES = ['string', 'int', 'double', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface SchemaField {
  name: string;
  type: FieldType;
  /** Whether the field declares a default (the type's zero value: "", 0, 0.0, false). */
  withDefault: boolean;
}

export interface RecordSchema {
  /** The Avro record's name; a reader and a writer must use the same one to match. */
  name: string;
  fields: SchemaField[];
}

/** Compatibility modes of a subject, as Confluent Schema Registry names them (non-transitive:
 * a new version is checked against the latest registered one). */
export const COMPATIBILITY_MODES = ['BACKWARD', 'FORWARD', 'FULL', 'NONE'] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

const ZERO: Record<FieldType, string | number | boolean> = { string: '', int: 0, double: 0, boolean: false };

/** The Avro schema (JSON) of a learner's schema. */
export function toAvro(schema: RecordSchema): { type: 'record'; name: string; fields: { name: string; type: FieldType; default?: unknown }[] } {
  return {
    type: 'record',
    name: schema.name,
    fields: schema.fields.map((f) => (f.withDefault ? { name: f.name, type: f.type, default: ZERO[f.type] } : { name: f.name, type: f.type })),
  };
}

/** One canonical string per schema: two schemas are the same version iff their keys are equal. */
export const schemaKey = (schema: RecordSchema): string => JSON.stringify(toAvro(schema));

export const sameSchema = (a: RecordSchema, b: RecordSchema): boolean => schemaKey(a) === schemaKey(b);

/**
 * Answers the two questions the registry and a deserialiser ask. Implemented with avsc (avro.ts),
 * loaded lazily (lazyJudge.ts); the scenario layer takes it as a parameter and the engine only ever
 * sees its answers as data.
 */
export interface SchemaJudge {
  /** Whether data written with `writer` can be read with `reader` (Avro schema resolution);
   * null if it can, else avsc's reason. */
  cannotRead(writer: RecordSchema, reader: RecordSchema): string | null;
  /** Whether the registry accepts `candidate` as the next version after `latest` under `mode`;
   * null if it does, else the reason. */
  refusal(mode: CompatibilityMode, latest: RecordSchema | null, candidate: RecordSchema): Refusal | null;
}

/** Why a registration was refused: which reader could not read which writer, and avsc's words. */
export interface Refusal {
  /** 'new-reads-old': consumers on the new schema could not read the latest version's data
   * (BACKWARD); 'old-reads-new': consumers still on the latest version could not read the new
   * schema's data (FORWARD). FULL needs both. */
  direction: 'new-reads-old' | 'old-reads-new';
  reason: string;
}
