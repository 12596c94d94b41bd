import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { migrate, MIGRATIONS, SCENARIO_VERSION, scenarioToEngine, upgradeProps } from '../../src/scenario';
import { decodeShareFragment, validateScenario } from '../../src/scenario/validate';

describe('migrate', () => {
  it('passes a current-version document through unchanged', () => {
    const doc = { version: SCENARIO_VERSION, name: 'x' };
    expect(migrate(doc)).toEqual({ ok: true, value: doc });
  });

  it.each([null, 42, 'text', [1, 2], true])('refuses %j as not a Kafé scenario', (raw) => {
    expect(migrate(raw)).toEqual({ ok: false, error: 'this is not a Kafé scenario', reason: 'notScenario' });
  });

  it('refuses a document without a version', () => {
    const r = migrate({ name: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not a Kafé scenario.*no version/);
  });

  it.each(['1', 1.5, 0, -3, null])('refuses the version %j, which is not a version number', (version) => {
    const r = migrate({ version });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not a Kafé scenario/);
  });

  it('refuses a version newer than this build, naming both versions', () => {
    expect(migrate({ version: SCENARIO_VERSION + 1 }, MIGRATIONS)).toEqual({
      ok: false,
      error: `made by a newer version of Kafé (v${SCENARIO_VERSION + 1}); this version reads v${SCENARIO_VERSION}`,
      reason: 'newerVersion',
    });
  });

  it('applies step migrations in order from an older version, stamping each new version', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, renamed: d.old, old: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, added: `${String(d.renamed)}!`, seenVersion: d.version }),
    };
    const r = migrate({ version: 1, old: 'hi' }, steps, 3);
    expect(r).toEqual({ ok: true, value: { version: 3, renamed: 'hi', old: undefined, added: 'hi!', seenVersion: 2 } });
  });

  it('does not change the document it was given', () => {
    const doc = { version: 1, list: [1] };
    migrate(doc, { 1: (d) => ((d.list as number[]).push(2), d) }, 2);
    expect(doc).toEqual({ version: 1, list: [1] });
  });

  it('refuses an older version that has no step to the next one', () => {
    const r = migrate({ version: 1 }, {}, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/old version of Kafé \(v1\)/);
  });

  it('reports a step that fails instead of throwing', () => {
    const r = migrate({ version: 1 }, { 1: () => { throw new Error('boom'); } }, 2);
    expect(r).toEqual({ ok: false, error: 'could not update this scenario from v1 to v2: boom', reason: 'olderVersion' });
  });
});

describe('version 1 to 2: value models, service rules, topic segment and tombstone settings', () => {
  const v1 = {
    version: 1,
    name: 'saved before rules',
    seed: 3,
    nodes: [
      { id: 'p', kind: 'producer', label: 'P', position: { x: 0, y: 0 }, props: { ratePerSec: 5, keyPattern: 'none', keys: [], keyPrefix: 'key-', keyCount: 10, eventType: 'E', acks: 'all', idempotent: true } },
      { id: 't', kind: 'topic', label: 't', position: { x: 0, y: 0 }, props: { name: 't', partitions: 2, replicationFactor: 1, minInsyncReplicas: 1, retentionMs: null, cleanupPolicy: 'delete' } },
      {
        id: 's',
        kind: 'service',
        label: 'S',
        position: { x: 0, y: 0 },
        props: { group: 's', instances: 1, processingMs: 20, failureRate: 0, maxAttempts: 3, idempotent: false, assignor: 'range', autoOffsetReset: 'earliest', emits: 'Done', retryTopic: null, deadLetterTopic: null },
      },
      { id: 'b', kind: 'broker', label: 'B', position: { x: 0, y: 0 }, props: {} },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 't' },
      { id: 'e2', source: 't', target: 's' },
    ],
    timeline: [],
    time: 0,
  };

  it('gives every node the props version 2 added, with values that keep its old meaning', () => {
    const r = validateScenario(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(SCENARIO_VERSION);
    const props = (id: string) => r.value.nodes.find((n) => n.id === id)!.props;
    expect(props('p')).toMatchObject({ ratePerSec: 5, values: 'counter', requestTimeoutMs: 30_000 });
    expect(props('s')).toMatchObject({ assignor: 'range', ruleField: '', ruleAbove: 0, ruleCount: 1, ruleWindowMs: 1000 });
    // A v1 topic without retention keeps records forever, as it did; the new settings get Kafka's defaults.
    expect(props('t')).toMatchObject({ retentionMs: null, retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: 86_400_000 });
  });

  it('keeps props a version 1 document already had, and leaves what it cannot read to the schema', () => {
    const withRule = structuredClone(v1);
    (withRule.nodes[2].props as Record<string, unknown>).ruleField = 'amount';
    const r = migrate(withRule);
    expect(r.ok && (r.value as typeof v1).nodes[2].props).toMatchObject({ ruleField: 'amount', ruleCount: 1 });
    expect(migrate({ ...v1, nodes: 'not a list' })).toEqual({ ok: true, value: { ...v1, version: SCENARIO_VERSION, nodes: 'not a list' } });
    expect(upgradeProps('broker', {})).toEqual({});
    expect(upgradeProps('service', 'x')).toBe('x');
  });

  it('reads a version 1 share link whose props were left out against the version 1 defaults', () => {
    const compact = {
      ...v1,
      nodes: [
        { id: 'p', kind: 'producer', label: 'P', position: { x: 0, y: 0 }, props: { ratePerSec: 5, eventType: 'E' } },
        { id: 't', kind: 'topic', label: 't', position: { x: 0, y: 0 }, props: { name: 't', partitions: 2, replicationFactor: 1, minInsyncReplicas: 1 } },
        { id: 's', kind: 'service', label: 'S', position: { x: 0, y: 0 }, props: { group: 's', assignor: 'range', emits: 'Done' } },
        v1.nodes[3],
      ],
    };
    const r = decodeShareFragment(`s=${LZString.compressToEncodedURIComponent(JSON.stringify(compact))}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const expected = validateScenario(v1);
    expect(expected.ok && r.value).toEqual(expected.ok && expected.value);
  });
});

describe('version 2 to 3: transactions and isolation.level', () => {
  const v2 = {
    version: 2,
    name: 'saved before transactions',
    seed: 4,
    nodes: [
      { id: 't', kind: 'topic', label: 't', position: { x: 0, y: 0 }, props: { name: 't', partitions: 1, replicationFactor: 1, minInsyncReplicas: 1, retentionMs: null, cleanupPolicy: 'delete', retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: 86_400_000 } },
      {
        id: 's',
        kind: 'service',
        label: 'S',
        position: { x: 0, y: 0 },
        props: { group: 's', instances: 1, processingMs: 20, failureRate: 0, maxAttempts: 3, idempotent: true, assignor: 'range', autoOffsetReset: 'earliest', emits: 'Done', retryTopic: null, deadLetterTopic: null, ruleField: '', ruleAbove: 0, ruleCount: 1, ruleWindowMs: 1000 },
      },
      { id: 'c', kind: 'consumer', label: 'C', position: { x: 0, y: 0 }, props: { group: 'c', instances: 1, processingMs: 5, assignor: 'range', autoOffsetReset: 'earliest', commitMode: 'auto' } },
    ],
    edges: [
      { id: 'e1', source: 't', target: 's' },
      { id: 'e2', source: 't', target: 'c' },
    ],
    timeline: [],
    time: 0,
  };

  it('gives services no transactions and everyone Kafka\'s default read_uncommitted, as they behaved', () => {
    const r = validateScenario(v2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(SCENARIO_VERSION);
    const props = (id: string) => r.value.nodes.find((n) => n.id === id)!.props;
    expect(props('s')).toMatchObject({ idempotent: true, transactional: false, isolationLevel: 'read_uncommitted' });
    expect(props('c')).toMatchObject({ commitMode: 'auto', isolationLevel: 'read_uncommitted' });
    // And the engine gets exactly the commands a version 2 canvas gave it: no new fields.
    const commands = scenarioToEngine(r.value).commands;
    expect(commands.some((c) => 'isolationLevel' in c || 'transactional' in c)).toBe(false);
  });

  it('keeps a transactional setting a document already has', () => {
    const set = structuredClone(v2);
    Object.assign(set.nodes[1].props, { transactional: true, isolationLevel: 'read_committed' });
    const r = migrate(set);
    expect(r.ok && (r.value as typeof v2).nodes[1].props).toMatchObject({ transactional: true, isolationLevel: 'read_committed' });
  });

  it('reads a version 2 share link whose props were left out against the version 2 defaults', () => {
    const compact = { ...v2, nodes: [v2.nodes[0], { ...v2.nodes[1], props: { group: 's', assignor: 'range', idempotent: true, emits: 'Done' } }, { ...v2.nodes[2], props: { group: 'c', assignor: 'range', processingMs: 5 } }] };
    const r = decodeShareFragment(`s=${LZString.compressToEncodedURIComponent(JSON.stringify(compact))}`);
    expect(r.ok).toBe(true);
    const expected = validateScenario(v2);
    expect(r.ok && r.value).toEqual(expected.ok && expected.value);
  });
});

describe('version 3 to 4: failure events and reacting to one event type (sagas)', () => {
  const v3 = {
    version: 3,
    name: 'saved before sagas',
    seed: 4,
    nodes: [
      { id: 't', kind: 'topic', label: 't', position: { x: 0, y: 0 }, props: { name: 't', partitions: 1, replicationFactor: 1, minInsyncReplicas: 1, retentionMs: null, cleanupPolicy: 'delete', retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: 86_400_000 } },
      { id: 'out', kind: 'topic', label: 'out', position: { x: 0, y: 0 }, props: { name: 'out', partitions: 1, replicationFactor: 1, minInsyncReplicas: 1, retentionMs: null, cleanupPolicy: 'delete', retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: 86_400_000 } },
      {
        id: 's',
        kind: 'service',
        label: 'S',
        position: { x: 0, y: 0 },
        props: { group: 's', instances: 1, processingMs: 20, failureRate: 0.5, maxAttempts: 3, idempotent: false, assignor: 'range', autoOffsetReset: 'earliest', emits: 'Done', retryTopic: null, deadLetterTopic: null, ruleField: '', ruleAbove: 0, ruleCount: 1, ruleWindowMs: 1000, transactional: false, isolationLevel: 'read_uncommitted' },
      },
    ],
    edges: [
      { id: 'e1', source: 't', target: 's' },
      { id: 'e2', source: 's', target: 'out' },
    ],
    timeline: [],
    time: 0,
  };

  it('gives services no failure event and every event type, so the engine gets the commands a v3 canvas gave it', () => {
    const r = validateScenario(v3);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(SCENARIO_VERSION);
    expect(r.value.nodes[2].props).toMatchObject({ failureEmits: '', reactsTo: '' });
    const service = scenarioToEngine(r.value).commands.find((c) => c.type === 'addService')!;
    expect('failureEmits' in service).toBe(false);
    expect(service.type === 'addService' && service.handlers).toEqual([{ on: '*', emit: [{ topic: 'out', eventType: 'Done', key: 'same' }] }]);
  });

  it('a version 1 document migrates through every step to the current version', () => {
    const v1 = { version: 1, name: 'old', seed: 1, nodes: [{ id: 's', kind: 'service', label: 'S', position: { x: 0, y: 0 }, props: { group: 's' } }], edges: [], timeline: [], time: 0 };
    const r = migrate(v1);
    expect(r.ok && (r.value as typeof v1).nodes[0].props).toMatchObject({ ruleField: '', transactional: false, failureEmits: '', reactsTo: '', database: 'none', crashChance: 0 });
    expect(r.ok && (r.value as { version: number }).version).toBe(SCENARIO_VERSION);
  });

  it('turns failureEmits and reactsTo into the engine\'s failure events and handler', () => {
    const set = structuredClone(v3);
    Object.assign(set.nodes[2].props, { failureEmits: 'PaymentFailed', reactsTo: 'OrderPlaced' });
    const r = validateScenario(set);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const service = scenarioToEngine(r.value).commands.find((c) => c.type === 'addService')!;
    expect(service).toMatchObject({
      handlers: [{ on: 'OrderPlaced', emit: [{ topic: 'out', eventType: 'Done', key: 'same' }] }],
      failureEmits: [{ topic: 'out', eventType: 'PaymentFailed', key: 'same' }],
    });
  });

  it('refuses an event type that is not a name, with the schema\'s sentence', () => {
    const set = structuredClone(v3);
    Object.assign(set.nodes[2].props, { failureEmits: '1 bad' });
    const r = validateScenario(set);
    expect(r.ok).toBe(false);
  });
});

describe('version 4 to 5: a service database, dual write or outbox (lesson 18)', () => {
  const topic = (name: string) => ({ id: name, kind: 'topic', label: name, position: { x: 0, y: 0 }, props: { name, partitions: 1, replicationFactor: 1, minInsyncReplicas: 1, retentionMs: null, cleanupPolicy: 'delete', retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: 86_400_000 } });
  const v4 = {
    version: 4,
    name: 'saved before the outbox',
    seed: 5,
    nodes: [
      topic('t'),
      topic('out'),
      {
        id: 's',
        kind: 'service',
        label: 'S',
        position: { x: 0, y: 0 },
        props: { group: 's', instances: 1, processingMs: 20, failureRate: 0, maxAttempts: 3, idempotent: false, assignor: 'range', autoOffsetReset: 'earliest', emits: 'Done', retryTopic: null, deadLetterTopic: null, ruleField: '', ruleAbove: 0, ruleCount: 1, ruleWindowMs: 1000, transactional: false, isolationLevel: 'read_uncommitted', failureEmits: '', reactsTo: '' },
      },
    ],
    edges: [
      { id: 'e1', source: 't', target: 's' },
      { id: 'e2', source: 's', target: 'out' },
    ],
    timeline: [{ at: 100, afterEvents: 0, command: { type: 'setServiceDown', id: 's', down: true } }],
    time: 0,
  };

  it('gives services no database and no crash chance, so the engine gets exactly the commands a v4 canvas gave it', () => {
    const r = validateScenario(v4);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(5);
    expect(r.value.nodes[2].props).toMatchObject({ database: 'none', crashChance: 0 });
    expect(r.value.timeline).toEqual(v4.timeline);
    const service = scenarioToEngine(r.value).commands.find((c) => c.type === 'addService')!;
    expect('database' in service).toBe(false);
    expect('crashChance' in service).toBe(false);
  });

  it('turns database and crashChance into the engine\'s database settings', () => {
    const set = structuredClone(v4);
    Object.assign(set.nodes[2].props, { database: 'outbox', crashChance: 0.1 });
    const r = validateScenario(set);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(scenarioToEngine(r.value).commands.find((c) => c.type === 'addService')).toMatchObject({ database: 'outbox', crashChance: 0.1 });
  });

  it('refuses an unknown database mode or a crash chance above 1', () => {
    for (const props of [{ database: 'twoPhaseCommit' }, { crashChance: 2 }]) {
      const set = structuredClone(v4);
      Object.assign(set.nodes[2].props, props);
      expect(validateScenario(set).ok).toBe(false);
    }
  });
});

describe('version 5: optional schema-registry props', () => {
  const v4 = {
    version: 4,
    name: 'no registry',
    seed: 1,
    nodes: [
      { id: 'p', kind: 'producer', label: 'P', position: { x: 0, y: 0 }, props: { ratePerSec: 1, keyPattern: 'none', keys: [], keyPrefix: 'k', keyCount: 1, eventType: 'E', acks: 'all', idempotent: true, values: 'counter', requestTimeoutMs: 30_000 } },
    ],
    edges: [],
    timeline: [],
    time: 0,
  };

  it('keeps a version 4 canvas as it was: no schema anywhere', () => {
    const r = validateScenario(v4);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(5);
    expect('schema' in r.value.nodes[0].props).toBe(false);
  });

  it('refuses a schema with two fields of one name, and an Avro name that is not one', () => {
    const twice = structuredClone(v4);
    Object.assign(twice.nodes[0].props, { schema: { name: 'Order', fields: [{ name: 'id', type: 'string', withDefault: false }, { name: 'id', type: 'int', withDefault: true }] } });
    twice.version = 5;
    expect(validateScenario(twice).ok).toBe(false);
    const badName = structuredClone(v4);
    Object.assign(badName.nodes[0].props, { schema: { name: 'order-v1', fields: [] } });
    badName.version = 5;
    expect(validateScenario(badName).ok).toBe(false);
  });
});
