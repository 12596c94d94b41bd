// avsc's types-only entry: its full browser entry also brings services and containers, which need
// Node's events and stream (absent in a browser); schema resolution needs only the types.
import * as avro from 'avsc/etc/browser/avsc-types.js';
import { toAvro, type CompatibilityMode, type RecordSchema, type Refusal, type SchemaJudge } from './model';

/**
 * The schema judge, answered by avsc (Avro for JavaScript): `Type.forSchema` parses each schema
 * and `reader.createResolver(writer)` performs Avro's schema resolution, throwing when the reader
 * cannot read the writer's data (e.g. "no matching field for default-less Order.coupon").
 *
 * Compatibility modes as Confluent Schema Registry defines them
 * (https://docs.confluent.io/platform/current/schema-registry/fundamentals/schema-evolution.html):
 * - BACKWARD (the registry's default): consumers using the NEW schema can read data produced with
 *   the LAST registered schema: new reader, latest writer.
 * - FORWARD: data produced with the NEW schema can be read by consumers using the LAST schema:
 *   latest reader, new writer.
 * - FULL: both.
 * - NONE: no check.
 * The non-transitive modes compare with the latest version only (the *_TRANSITIVE modes, which
 * compare with every version, are not simulated).
 *
 * Loaded only through lazyJudge.ts, so avsc stays out of the app's first load. Checked in headless
 * Chromium by test/e2e/schemaLesson.test.ts (the registry only accepts a version if this runs).
 */
function cannotRead(writer: RecordSchema, reader: RecordSchema): string | null {
  try {
    avro.Type.forSchema(toAvro(reader) as avro.Schema).createResolver(avro.Type.forSchema(toAvro(writer) as avro.Schema));
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function refusal(mode: CompatibilityMode, latest: RecordSchema | null, candidate: RecordSchema): Refusal | null {
  if (latest === null || mode === 'NONE') return null;
  if (mode === 'BACKWARD' || mode === 'FULL') {
    const reason = cannotRead(latest, candidate);
    if (reason !== null) return { direction: 'new-reads-old', reason };
  }
  if (mode === 'FORWARD' || mode === 'FULL') {
    const reason = cannotRead(candidate, latest);
    if (reason !== null) return { direction: 'old-reads-new', reason };
  }
  return null;
}

export const avroJudge: SchemaJudge = { cannotRead, refusal };
