import type { CompatibilityMode, RecordSchema, Refusal, SchemaJudge } from '../schema/model';
import { schemaKey } from '../schema/model';
import type { Scenario } from './schema';

/**
 * The simulated schema registry (as Confluent Schema Registry works; Kafka itself has no schemas:
 * the broker stores bytes). Run once per setup, before the engine starts, because what it decides
 * is part of how the setup is deployed: each producer's serializer registers its writer schema
 * when it starts (auto.register.schemas, true by default in Confluent's serializers).
 *
 * Contract:
 * - One subject per topic, "<topic>-value" (TopicNameStrategy, the serializers' default), with the
 *   topic's compatibility mode (absent = BACKWARD, the registry's default) and the versions the
 *   canvas says were registered before the run (topic.schemaVersions, trusted as they are).
 * - Producers register in node order. A schema equal to a version of the subject gets that
 *   version's id; another one is checked against the subject's LATEST version (the
 *   non-transitive modes) by the judge: accepted, it becomes the next version; refused, the
 *   producer cannot serialize and writes nothing to that topic, and the refusal is reported.
 * - Schema ids are global and one per distinct schema, as the registry's are.
 * - A service with a reader schema can read a record iff its writer schema id resolves to the
 *   reader schema (judge.cannotRead is null). Records without a schema id are unreadable to it.
 * - Pure and deterministic: the same scenario and judge give the same registry. Without a judge
 *   (avsc not loaded yet) a canvas with schemas is `pending`: no schema producer runs, and the
 *   store builds the run again once the judge has loaded.
 */
export interface SubjectVersion {
  /** 1, 2, … within the subject. */
  version: number;
  /** The registry-wide schema id records carry. */
  id: number;
  schema: RecordSchema;
  /** Producer node that registered it during this setup, or null if it was there before. */
  registeredBy: string | null;
}

export interface Subject {
  topic: string;
  topicNode: string;
  /** "<topic>-value". */
  name: string;
  mode: CompatibilityMode;
  versions: SubjectVersion[];
}

export interface RegistrationRefusal {
  producerNode: string;
  topic: string;
  subject: string;
  mode: CompatibilityMode;
  /** The version the candidate was checked against. */
  latestVersion: number;
  refusal: Refusal;
}

export interface Registry {
  subjects: Subject[];
  refusals: RegistrationRefusal[];
  /** True when the canvas uses schemas and the judge has not loaded yet. */
  pending: boolean;
}

export const EMPTY_REGISTRY: Registry = Object.freeze({ subjects: [], refusals: [], pending: false }) as Registry;

export const subjectName = (topic: string): string => `${topic}-value`;

/** Whether any node of the canvas uses a schema (only then is the judge needed). */
export function usesSchemas(s: Pick<Scenario, 'nodes'>): boolean {
  return s.nodes.some(
    (n) =>
      (n.kind === 'producer' && n.props.schema !== undefined) ||
      (n.kind === 'service' && n.props.readerSchema !== undefined) ||
      (n.kind === 'topic' && (n.props.schemaVersions?.length ?? 0) > 0),
  );
}

export interface RegistryRun {
  registry: Registry;
  /** The schema id a producer node writes to a topic with; undefined = no schema, null = refused or pending. */
  writerId(producerNode: string, topic: string): number | null | undefined;
  /** The writer schema ids a service node can read from its topics; undefined = no reader schema. */
  readableIds(serviceNode: string, topics: readonly string[]): number[] | undefined;
}

/**
 * Runs the registry for a setup. `writes`: producer node id → topic names it writes to;
 * `topicNodes`: topic name → topic node id (topics that exist in the engine).
 */
export function runRegistry(s: Scenario, judge: SchemaJudge | null, writes: ReadonlyMap<string, readonly string[]>, topicNodes: Readonly<Record<string, string>>): RegistryRun {
  if (!usesSchemas(s)) return { registry: EMPTY_REGISTRY, writerId: () => undefined, readableIds: () => undefined };
  const pending = judge === null;
  const ids = new Map<string, number>();
  const schemas: RecordSchema[] = [];
  const idOf = (schema: RecordSchema) => {
    const key = schemaKey(schema);
    let id = ids.get(key);
    if (id === undefined) {
      schemas.push(schema);
      id = schemas.length;
      ids.set(key, id);
    }
    return id;
  };
  const subjects = new Map<string, Subject>();
  for (const n of s.nodes) {
    if (n.kind !== 'topic' || topicNodes[n.props.name] !== n.id) continue;
    subjects.set(n.props.name, {
      topic: n.props.name,
      topicNode: n.id,
      name: subjectName(n.props.name),
      mode: n.props.compatibility ?? 'BACKWARD',
      versions: (n.props.schemaVersions ?? []).map((schema, i) => ({ version: i + 1, id: idOf(schema), schema, registeredBy: null })),
    });
  }
  const refusals: RegistrationRefusal[] = [];
  const writer = new Map<string, number | null>();
  for (const n of s.nodes) {
    if (n.kind !== 'producer' || n.props.schema === undefined) continue;
    const schema = n.props.schema;
    for (const topic of writes.get(n.id) ?? []) {
      const subject = subjects.get(topic);
      if (!subject) continue;
      const id = idOf(schema);
      const existing = subject.versions.find((v) => v.id === id);
      if (existing) {
        writer.set(`${n.id}\n${topic}`, pending ? null : id);
        continue;
      }
      if (pending) {
        writer.set(`${n.id}\n${topic}`, null);
        continue;
      }
      const latest = subject.versions.at(-1) ?? null;
      const refusal = judge.refusal(subject.mode, latest?.schema ?? null, schema);
      if (refusal) {
        refusals.push({ producerNode: n.id, topic, subject: subject.name, mode: subject.mode, latestVersion: latest!.version, refusal });
        writer.set(`${n.id}\n${topic}`, null);
      } else {
        subject.versions.push({ version: subject.versions.length + 1, id, schema, registeredBy: n.id });
        writer.set(`${n.id}\n${topic}`, id);
      }
    }
  }
  const readers = new Map<string, RecordSchema>();
  for (const n of s.nodes) if (n.kind === 'service' && n.props.readerSchema !== undefined) readers.set(n.id, n.props.readerSchema);
  return {
    registry: { subjects: [...subjects.values()], refusals, pending },
    writerId: (producerNode, topic) => writer.get(`${producerNode}\n${topic}`) ?? (writer.has(`${producerNode}\n${topic}`) ? null : undefined),
    readableIds: (serviceNode, topics) => {
      const reader = readers.get(serviceNode);
      if (!reader) return undefined;
      if (pending) return [];
      const out = new Set<number>();
      for (const topic of topics)
        for (const v of subjects.get(topic)?.versions ?? []) if (judge.cannotRead(v.schema, reader) === null) out.add(v.id);
      return [...out].sort((a, b) => a - b);
    },
  };
}

/**
 * The canvas with every version its producers registered during this setup written into the
 * topics' registered versions (topic.schemaVersions), so they stay registered after the next edit:
 * a registry keeps what it accepted when a producer later changes its schema or the run restarts.
 * Returns `s` itself when nothing was registered.
 */
export function keepRegistrations(s: Scenario, registry: Registry): Scenario {
  const added = new Map<string, RecordSchema[]>();
  for (const subject of registry.subjects) {
    const fresh = subject.versions.filter((v) => v.registeredBy !== null);
    // The schema allows 20 registered versions: a subject past that keeps only those it had.
    if (fresh.length > 0 && subject.versions.length <= 20) added.set(subject.topicNode, subject.versions.map((v) => v.schema));
  }
  if (added.size === 0) return s;
  return {
    ...s,
    nodes: s.nodes.map((n) => (n.kind === 'topic' && added.has(n.id) ? { ...n, props: { ...n.props, schemaVersions: added.get(n.id)! } } : n)),
  };
}
