import { describe, expect, it } from 'vitest';
import { keepRegistrations, scenarioToEngine, type NodeOf, type Scenario } from '../../src/scenario';
import { avroJudge } from '../../src/schema/avro';
import type { RecordSchema } from '../../src/schema/model';
import { scenarioOf } from './helpers';

/** The simulated registry as the setup runs it: producers register, services learn what they can read. */

const v1: RecordSchema = { name: 'Order', fields: [{ name: 'id', type: 'string', withDefault: false }] };
const withDefault: RecordSchema = { name: 'Order', fields: [...v1.fields, { name: 'coupon', type: 'string', withDefault: true }] };
const withoutDefault: RecordSchema = { name: 'Order', fields: [...v1.fields, { name: 'coupon', type: 'string', withDefault: false }] };

/** producer-1 → topic-1 → service-1 (with a dead-letter topic), the topic holding v1 already. */
function shop(o: { writer?: RecordSchema; reader?: RecordSchema; mode?: NodeOf<'topic'>['props']['compatibility'] }): Scenario {
  const s = scenarioOf(['producer', 'topic', 'service'], [['producer-1', 'topic-1'], ['topic-1', 'service-1']]);
  const set = <K extends 'producer' | 'topic' | 'service'>(id: string, props: Partial<NodeOf<K>['props']>) => {
    const n = s.nodes.find((x) => x.id === id)!;
    Object.assign(n.props, props);
  };
  set<'topic'>('topic-1', { schemaVersions: [v1], ...(o.mode ? { compatibility: o.mode } : {}) });
  if (o.writer) set<'producer'>('producer-1', { schema: o.writer });
  if (o.reader) set<'service'>('service-1', { readerSchema: o.reader });
  return s;
}

const producerCommand = (s: Scenario) => scenarioToEngine(s, avroJudge).commands.find((c) => c.type === 'addProducer');
const serviceCommand = (s: Scenario) => scenarioToEngine(s, avroJudge).commands.find((c) => c.type === 'addService');

describe('the simulated schema registry in the setup', () => {
  it('gives a producer writing a registered version that version\'s id, and registers nothing new', () => {
    const setup = scenarioToEngine(shop({ writer: v1 }), avroJudge);
    expect(setup.commands.find((c) => c.type === 'addProducer')).toMatchObject({ schemaId: 1 });
    expect(setup.registry.subjects).toEqual([{ topic: 'topic-1', topicNode: 'topic-1', name: 'topic-1-value', mode: 'BACKWARD', versions: [{ version: 1, id: 1, schema: v1, registeredBy: null }] }]);
  });

  it('registers a field with a default as version 2 under BACKWARD (the default mode)', () => {
    const setup = scenarioToEngine(shop({ writer: withDefault }), avroJudge);
    expect(setup.registry.subjects[0].versions.map((v) => [v.version, v.id, v.registeredBy])).toEqual([[1, 1, null], [2, 2, 'producer-1']]);
    expect(producerCommand(shop({ writer: withDefault }))).toMatchObject({ schemaId: 2 });
    expect(setup.problems).toEqual([]);
  });

  it('refuses a field without a default under BACKWARD: the producer sends nothing and the reason is reported', () => {
    const setup = scenarioToEngine(shop({ writer: withoutDefault }), avroJudge);
    expect(setup.commands.some((c) => c.type === 'addProducer')).toBe(false);
    expect(setup.registry.subjects[0].versions).toHaveLength(1);
    expect(setup.registry.refusals).toEqual([
      { producerNode: 'producer-1', topic: 'topic-1', subject: 'topic-1-value', mode: 'BACKWARD', latestVersion: 1, refusal: { direction: 'new-reads-old', reason: expect.stringMatching(/coupon/) } },
    ]);
    expect(setup.problems).toEqual([{ nodeId: 'producer-1', code: 'schemaRefused', detail: expect.objectContaining({ subject: 'topic-1-value', mode: 'BACKWARD', latest: 1 }) }]);
  });

  it('accepts it under FORWARD and NONE', () => {
    for (const mode of ['FORWARD', 'NONE'] as const) expect(producerCommand(shop({ writer: withoutDefault, mode }))).toMatchObject({ schemaId: 2 });
    expect(producerCommand(shop({ writer: withoutDefault, mode: 'FULL' }))).toBeUndefined();
  });

  it('tells a service the writer ids its reader schema resolves', () => {
    // Under NONE, v2 (coupon without default) is registered; a v2 reader cannot read v1's records.
    expect(serviceCommand(shop({ writer: withoutDefault, reader: withoutDefault, mode: 'NONE' }))).toMatchObject({ readableSchemaIds: [2] });
    // The fix: a reader with a default for coupon reads both.
    expect(serviceCommand(shop({ writer: withoutDefault, reader: withDefault, mode: 'NONE' }))).toMatchObject({ readableSchemaIds: [1, 2] });
    // A reader on v1 reads both (it ignores coupon).
    expect(serviceCommand(shop({ writer: withoutDefault, reader: v1, mode: 'NONE' }))).toMatchObject({ readableSchemaIds: [1, 2] });
  });

  it('without the judge, holds schema producers back and says why; without schemas, needs no judge at all', () => {
    const pending = scenarioToEngine(shop({ writer: withDefault, reader: v1 }), null);
    expect(pending.registry.pending).toBe(true);
    expect(pending.commands.some((c) => c.type === 'addProducer')).toBe(false);
    expect(pending.problems.map((p) => p.code)).toEqual(['schemaCheckPending', 'schemaCheckPending']);
    const plain = scenarioOf(['producer', 'topic'], [['producer-1', 'topic-1']]);
    expect(scenarioToEngine(plain, null)).toEqual(scenarioToEngine(plain, avroJudge));
    expect(scenarioToEngine(plain, null).registry).toEqual({ subjects: [], refusals: [], pending: false });
  });
});

describe('keepRegistrations', () => {
  it('writes what producers registered into the topic, so a later edit keeps it registered', () => {
    const s = shop({ writer: withDefault });
    const kept = keepRegistrations(s, scenarioToEngine(s, avroJudge).registry);
    expect(kept.nodes.find((n) => n.id === 'topic-1')!.props).toMatchObject({ schemaVersions: [v1, withDefault] });
    // The producer moves on to a schema that is refused against the kept version 2, not version 1.
    const giftWrap: RecordSchema = { name: 'Order', fields: [...withDefault.fields, { name: 'giftWrap', type: 'boolean', withDefault: false }] };
    const next = { ...kept, nodes: kept.nodes.map((n) => (n.id === 'producer-1' ? ({ ...n, props: { ...n.props, schema: giftWrap } } as typeof n) : n)) };
    const setup = scenarioToEngine(next, avroJudge);
    expect(setup.registry.refusals[0]).toMatchObject({ latestVersion: 2 });
    expect(setup.registry.subjects[0].versions.map((v) => v.registeredBy)).toEqual([null, null]);
  });

  it('returns the canvas itself when nothing new was registered', () => {
    const s = shop({ writer: v1 });
    expect(keepRegistrations(s, scenarioToEngine(s, avroJudge).registry)).toBe(s);
  });
});
