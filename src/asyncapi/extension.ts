import { z } from 'zod';
import { upgradeProps } from '../scenario';
import { consumerProps, producerProps, recordSchema, serviceProps, timelineEntry, topicProps } from '../scenario/validate';

/**
 * The `x-kafe` specification extensions of an exported document: what AsyncAPI has no field for
 * (simulator-only settings, labels, positions, the learner's timeline), so that exporting and
 * importing again loses nothing. Standard fields stay the source of truth where they exist: a
 * learner who edits partitions in the Kafka binding, a groupId or a message name gets that edit.
 *
 * - root `x-kafe`: the scenario's seed/time/timeline, node order, brokers, and every application
 *   (producer, service, consumer) with its kind, label, position and full props;
 * - channel `x-kafe`: the topic node's id, label, position and join time;
 * - operation `x-kafe`: which application node and which canvas arrow the operation is.
 *
 * Read loosely: each part is checked on its own, so one bad field does not throw the rest away.
 */
export const KAFE_EXTENSION_FORMAT = 1;

const position = z.object({ x: z.number().finite(), y: z.number().finite() });
const joinAtMs = z.number().finite().min(0).optional();

export const kafeApplication = z.discriminatedUnion('kind', [
  // Documents exported by older scenario versions lack the props later ones added: they get their defaults.
  z.object({ kind: z.literal('producer'), label: z.string(), position: position.optional(), joinAtMs, props: z.preprocess((p) => upgradeProps('producer', p), producerProps) }),
  z.object({ kind: z.literal('service'), label: z.string(), position: position.optional(), joinAtMs, props: z.preprocess((p) => upgradeProps('service', p), serviceProps) }),
  z.object({ kind: z.literal('consumer'), label: z.string(), position: position.optional(), joinAtMs, props: z.preprocess((p) => upgradeProps('consumer', p), consumerProps) }),
]);
export type KafeApplication = z.infer<typeof kafeApplication>;

export const kafeRoot = z.object({
  format: z.literal(KAFE_EXTENSION_FORMAT),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  time: z.number().finite().min(0),
  nodeOrder: z.array(z.string()),
  brokers: z.array(z.object({ id: z.string(), label: z.string(), position: position.optional() })),
  applications: z.record(z.string(), kafeApplication),
  timeline: z.array(timelineEntry),
});
export type KafeRoot = z.infer<typeof kafeRoot>;

/**
 * `segmentRecords`: the simulator's segment size, which no Kafka topic config expresses (Kafka rolls
 * by bytes and time). `compatibility` and `schemaVersions`: the topic's subject in the simulated
 * schema registry (lesson 19), which is not part of Kafka nor of AsyncAPI's Kafka bindings.
 */
export const kafeChannel = z.object({
  node: z.string(),
  label: z.string(),
  position: position.optional(),
  joinAtMs,
  segmentRecords: z.number().int().min(1).max(1_000_000).optional(),
  compatibility: topicProps.shape.compatibility,
  schemaVersions: z.array(recordSchema).max(20).optional(),
});
export type KafeChannel = z.infer<typeof kafeChannel>;

export const kafeOperation = z.object({ node: z.string(), edge: z.string() });
export type KafeOperation = z.infer<typeof kafeOperation>;

/** The parsed value, or null when absent or not in shape. */
export function readExtension<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
