import type { Scenario } from '../scenario';
import { toAvro, type RecordSchema } from '../schema/model';
import { note, type ExportNote } from './notes';

/**
 * The canvas's record schemas as Avro schema files (`schemas/*.avsc`), with a note for each node
 * that used one. The project sends plain JSON and runs no schema registry (one more container and
 * a serializer library would hide the flow the export is for), so the notes say where each schema
 * is and under which subject a registry keeps it: "<topic>-value", as on the canvas (Confluent's
 * TopicNameStrategy, the default).
 */
export interface SchemaFilePlan {
  path: string;
  schema: RecordSchema;
  /** The canvas node it comes from (its label is learner text). */
  nodeId: string;
  label: string;
  /** What the file is, in English, for the README's file table. */
  what: string;
}

/** What of plan.ts's topics and scripts this needs (plan.ts calls it: no import back). */
interface TopicRef {
  nodeId: string;
  name: string;
}
type ActorRef = { nodeId: string; label: string; name: string } & ({ kind: 'producer'; topics: readonly string[] } | { kind: 'service' | 'consumer' });

export function schemaFiles(scenario: Scenario, topics: readonly TopicRef[], actors: readonly ActorRef[]): { files: SchemaFilePlan[]; notes: ExportNote[] } {
  const files: SchemaFilePlan[] = [];
  const notes: ExportNote[] = [];
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  for (const t of topics) {
    const node = byId.get(t.nodeId);
    if (node?.kind !== 'topic') continue;
    const versions = node.props.schemaVersions ?? [];
    if (versions.length === 0) continue;
    const subject = `${t.name}-value`;
    const paths = versions.map((schema, i) => {
      const path = `schemas/${subject}.v${i + 1}.avsc`;
      files.push({ path, schema, nodeId: t.nodeId, label: node.label, what: `Avro schema, version ${i + 1} of subject ${subject}` });
      return path;
    });
    const mode = node.props.compatibility ?? 'BACKWARD';
    notes.push(note('registryNotExported', { id: t.nodeId, label: node.label }, { subject, count: versions.length, mode, files: paths.join(', ') }));
  }
  for (const a of actors) {
    const node = byId.get(a.nodeId);
    if (a.kind === 'producer' && node?.kind === 'producer' && node.props.schema) {
      const path = `schemas/${a.name}.writer.avsc`;
      files.push({ path, schema: node.props.schema, nodeId: a.nodeId, label: a.label, what: 'Avro writer schema (the script sends JSON)' });
      notes.push(note('writerSchemaNotUsed', { id: a.nodeId, label: a.label }, { file: path, subject: a.topics.map((t) => `${t}-value`).join(', ') }));
    }
    if (a.kind === 'service' && node?.kind === 'service' && node.props.readerSchema) {
      const path = `schemas/${a.name}.reader.avsc`;
      files.push({ path, schema: node.props.readerSchema, nodeId: a.nodeId, label: a.label, what: 'Avro reader schema (the script reads JSON)' });
      notes.push(note('readerSchemaNotUsed', { id: a.nodeId, label: a.label }, { file: path }));
    }
  }
  return { files, notes };
}

/** An .avsc file: the schema as Avro JSON, two-space indented, ending with a newline. */
export const avscFile = (schema: RecordSchema): string => `${JSON.stringify(toAvro(schema), null, 2)}\n`;
