import { err, ok, type Result } from './result';
import { SCENARIO_VERSION } from './schema';

/**
 * Brings a saved scenario written by an older Kafé up to SCENARIO_VERSION, before zod validates it.
 *
 * Contract:
 * - input: anything JSON.parse produced (or a saved object); output: an object whose `version` is
 *   the current one (the content is NOT validated here: the zod schema does that next).
 * - refuses non-objects, a missing or non-numeric version, and versions newer than this build
 *   (we cannot know what a future shape means), with a sentence for the learner.
 * - callers check size and nesting first (bounds.ts): the copy below recurses.
 * - `steps[v]` turns a v document into a v + 1 document; `migrate` applies them in order and stamps
 *   `version: v + 1` after each step, so a step only has to change what changed. Steps receive a
 *   private copy and may mutate it.
 *
 * When the schema changes: bump SCENARIO_VERSION in schema.ts and add `MIGRATIONS[old] = step`.
 */
export type MigrationStep = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Props that version 2 added, with the values that keep a version 1 canvas meaning what it meant:
 * producers generate counters, services react to every record, topics have no size limit, roll a
 * segment every 1 000 records (as the engine did) and keep tombstones Kafka's default day.
 */
const ADDED_IN_2: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  producer: { values: 'counter' },
  service: { ruleField: '', ruleAbove: 0, ruleCount: 1, ruleWindowMs: 1000 },
  topic: { retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: 86_400_000 },
};

/** Props that version 3 added: producers wait Kafka's default request.timeout.ms (30 s), services
 * run without transactions, everyone reads read_uncommitted (Kafka's default isolation.level):
 * what every earlier canvas did. */
const ADDED_IN_3: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  producer: { requestTimeoutMs: 30_000 },
  service: { transactional: false, isolationLevel: 'read_uncommitted' },
  consumer: { isolationLevel: 'read_uncommitted' },
};

/** Props that version 4 added (sagas): services publish no failure event and react to every
 * record, as every earlier canvas did. */
const ADDED_IN_4: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  service: { failureEmits: '', reactsTo: '' },
};

/** Props that version 5 added (the outbox pattern): services keep no database and never crash
 * on their own, as every earlier canvas did. */
const ADDED_IN_5: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  service: { database: 'none', crashChance: 0 },
};

/** A node's props with the fields of `added` it lacks (fields it already has are kept). */
function withAdded(added: Readonly<Record<string, Readonly<Record<string, unknown>>>>, kind: unknown, props: unknown): unknown {
  if (typeof kind !== 'string' || !Object.hasOwn(added, kind) || typeof props !== 'object' || props === null || Array.isArray(props)) return props;
  return { ...added[kind], ...props };
}

/**
 * A version 1 to 4 node's props brought to the current version (fields it already has are kept).
 * Also used for application props inside AsyncAPI documents exported by older versions
 * (asyncapi/extension.ts).
 */
export function upgradeProps(kind: unknown, props: unknown): unknown {
  return withAdded(ADDED_IN_5, kind, withAdded(ADDED_IN_4, kind, withAdded(ADDED_IN_3, kind, withAdded(ADDED_IN_2, kind, props))));
}

/** The nodes of a document, each with `step` applied to its props. */
function mapProps(document: Record<string, unknown>, step: (kind: unknown, props: unknown) => unknown): Record<string, unknown> {
  if (!Array.isArray(document.nodes)) return document;
  const nodes = document.nodes.map((n: unknown) => {
    if (typeof n !== 'object' || n === null || Array.isArray(n)) return n;
    const node = n as Record<string, unknown>;
    return { ...node, props: step(node.kind, node.props) };
  });
  return { ...document, nodes };
}

/** Version → step to version + 1. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {
  1: (document) => mapProps(document, (kind, props) => withAdded(ADDED_IN_2, kind, props)),
  2: (document) => mapProps(document, (kind, props) => withAdded(ADDED_IN_3, kind, props)),
  3: (document) => mapProps(document, (kind, props) => withAdded(ADDED_IN_4, kind, props)),
  // Version 5 added a service's database (outbox lesson: 'none' and 0 for older documents) and
  // optional schema-registry props (a producer's schema, a topic's compatibility and registered
  // versions, a service's reader schema), absent meaning no registry, as before.
  4: (document) => mapProps(document, (kind, props) => withAdded(ADDED_IN_5, kind, props)),
};

export function migrate(
  raw: unknown,
  steps: Readonly<Record<number, MigrationStep>> = MIGRATIONS,
  current: number = SCENARIO_VERSION,
): Result<unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err('this is not a Kafé scenario', 'notScenario');
  // Own property only: a "version" inherited through a crafted prototype does not count.
  const version = Object.hasOwn(raw, 'version') ? (raw as Record<string, unknown>).version : undefined;
  if (version === undefined) return err('this is not a Kafé scenario (it has no version number)', 'notScenario');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return err(`this is not a Kafé scenario (its version "${describeVersion(version)}" is not a version number)`, 'notScenario');
  if (version > current) return err(`made by a newer version of Kafé (v${version}); this version reads v${current}`, 'newerVersion');

  let document: Record<string, unknown> = structuredClone(raw) as Record<string, unknown>;
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return err(`made by an old version of Kafé (v${version}) that this version can no longer read`, 'olderVersion');
    try {
      document = { ...step(document), version: v + 1 };
    } catch (e) {
      return err(`could not update this scenario from v${v} to v${v + 1}: ${e instanceof Error ? e.message : String(e)}`, 'olderVersion');
    }
  }
  return ok(document);
}

/** A short, safe rendering of whatever sits in `version` (it may be a huge string or an object). */
function describeVersion(version: unknown): string {
  const text = typeof version === 'object' && version !== null ? (Array.isArray(version) ? 'a list' : 'an object') : String(version);
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
