import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { readAsyncApi, type ImportNote, type ReadOutcome } from '../../src/asyncapi';
import { scenarioToEngine, type NodeOf, type Scenario } from '../../src/scenario';
import { realParser } from './parser';

/** Settings these documents do not set: no size limit, the simulator's segment size, Kafka's tombstone day. */
const NEW_TOPIC_SETTINGS = { retentionBytes: null, segmentRecords: 1000, deleteRetentionMs: 86_400_000 };

/** Importing documents that Kafé did not write: the mapping, the notes, and the refusals. */
// The real parser takes seconds per document on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/asyncapi');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

async function imported(text: string): Promise<{ scenario: Scenario; notes: ImportNote[] }> {
  const read: ReadOutcome = await readAsyncApi(text, realParser());
  if (!read.ok) throw new Error(read.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return read.value;
}

const node = <K extends NodeOf<'topic'>['kind'] | 'producer' | 'service' | 'consumer' | 'broker'>(s: Scenario, id: string, kind: K) => {
  const n = s.nodes.find((x) => x.id === id);
  expect(n, `node ${id}`).toBeDefined();
  expect(n!.kind).toBe(kind);
  return n as Extract<Scenario['nodes'][number], { kind: K }>;
};
const arrows = (s: Scenario) => s.edges.map((e) => `${e.source} -> ${e.target}`);
const codes = (notes: ImportNote[]) => notes.map((n) => `${n.code}:${n.subject}${n.detail === undefined ? '' : `:${n.detail}`}`);

describe('a Confluent CLI export (AsyncAPI 2.4.0)', async () => {
  const { scenario, notes } = await imported(fixture('confluent-2.4.0.yaml'));

  test('topics come from the channels, with partitions and configs from the Kafka binding and x-configs', () => {
    expect(node(scenario, 'orders', 'topic').props).toEqual({ name: 'orders', partitions: 6, replicationFactor: 1, minInsyncReplicas: 1, retentionMs: 604_800_000, cleanupPolicy: 'delete', ...NEW_TOPIC_SETTINGS });
    expect(node(scenario, 'customer-profiles', 'topic').props).toEqual({
      name: 'customer-profiles',
      partitions: 3,
      replicationFactor: 1,
      minInsyncReplicas: 1,
      retentionMs: null,
      cleanupPolicy: 'compact',
      ...NEW_TOPIC_SETTINGS,
    });
  });

  test('each subscribe operation with a groupId becomes a consumer group reading its topic', () => {
    expect(node(scenario, 'OrdersSubscribe', 'consumer').props.group).toBe('OrdersSubscribe');
    expect(node(scenario, 'CustomerProfilesSubscribe', 'consumer').props.group).toBe('CustomerProfilesSubscribe');
    expect(arrows(scenario)).toEqual(['orders -> OrdersSubscribe', 'customer-profiles -> CustomerProfilesSubscribe']);
    expect(scenario.nodes.filter((n) => n.kind === 'broker')).toHaveLength(1);
  });

  test('everything Kafé does not simulate is listed, with what was assumed', () => {
    expect(codes(notes)).toEqual([
      'server:cluster:kafka',
      'server:schema-registry:kafka',
      'security:confluentBroker, confluentSchemaRegistry',
      'clamped:orders:min.insync.replicas=2 → 1',
      'kafkaDefaults:orders:replicas=1',
      'topicConfigs:orders:confluent.value.schema.validation, max.message.bytes',
      'extensions:orders:x-messageCompatibility',
      'compactDelete:customer-profiles',
      'kafkaDefaults:customer-profiles:replicas=1, min.insync.replicas=1',
      'extensions:customer-profiles:x-messageCompatibility',
      'subscribeAsConsumer:OrdersSubscribe',
      'subscribeAsConsumer:CustomerProfilesSubscribe',
      'messageSchemas:OrdersMessage, CustomerProfilesMessage',
      'brokersAssumed::1',
    ]);
  });

  test('the canvas runs: its setup converts to engine commands without problems', () => {
    expect(scenarioToEngine(scenario).problems).toEqual([]);
  });
});

describe('a hand-written AsyncAPI 3.0 document', async () => {
  const { scenario, notes } = await imported(fixture('shop-3.0.yaml'));

  test('operations are grouped into applications by clientId, else groupId, else the operation', () => {
    expect(node(scenario, 'placeOrder', 'producer')).toMatchObject({ label: 'Checkout', props: { eventType: 'OrderPlaced' } });
    expect(node(scenario, 'payment', 'service').props).toMatchObject({ group: 'payment-service', emits: 'PaymentDone' });
    expect(node(scenario, 'ledger', 'consumer')).toMatchObject({ label: 'Ledger', props: { group: 'ledger' } });
    expect(arrows(scenario)).toEqual(['placeOrder -> orders', 'orders -> payment', 'payment -> payments', 'payments -> ledger']);
  });

  test('topic names come from the addresses; out-of-range values are clamped and said so', () => {
    expect(node(scenario, 'orders', 'topic').props).toEqual({ name: 'shop.orders', partitions: 64, replicationFactor: 3, minInsyncReplicas: 2, retentionMs: 86_400_000, cleanupPolicy: 'delete', ...NEW_TOPIC_SETTINGS });
    expect(node(scenario, 'user-inbox', 'topic').props.name).toBe('users-userId-inbox');
    expect(scenario.nodes.filter((n) => n.kind === 'broker')).toHaveLength(3);
  });

  test('parameters, other protocols, replies and schemas are listed, not silently dropped', () => {
    expect(codes(notes)).toEqual([
      'clamped:shop.orders:partitions=100 → 64',
      'kafkaDefaults:shop.payments:min.insync.replicas=1, cleanup.policy=delete',
      'otherBindings:payments:amqp',
      'channelParameters:user-inbox',
      'renamed:users/{userId}/inbox:users-userId-inbox',
      'kafkaDefaults:users-userId-inbox:partitions=1, replicas=1, min.insync.replicas=1, cleanup.policy=delete',
      'reply:bookPayment',
      'messageSchemas:OrderPlaced',
      'brokersAssumed::3',
    ]);
  });

  test('the canvas is laid out (no two nodes stacked) and runs', () => {
    const spots = new Set(scenario.nodes.map((n) => `${n.position.x},${n.position.y}`));
    expect(spots.size).toBe(scenario.nodes.length);
    expect(scenarioToEngine(scenario).problems).toEqual([]);
  });
});

describe('documents the canvas cannot take as they are', () => {
  test('an arrow that would close a loop is refused with the canvas rule, and listed', async () => {
    const { scenario, notes } = await imported(`asyncapi: 3.0.0
info: { title: Loop, version: 1.0.0 }
channels:
  jobs: { address: jobs, messages: { Job: { name: Job } } }
operations:
  take: { action: receive, channel: { $ref: '#/channels/jobs' }, bindings: { kafka: { clientId: { type: string, enum: [worker] } } } }
  requeue:
    action: send
    channel: { $ref: '#/channels/jobs' }
    messages: [{ $ref: '#/channels/jobs/messages/Job' }]
    bindings: { kafka: { clientId: { type: string, enum: [worker] } } }
`);
    expect(node(scenario, 'worker', 'service').props.emits).toBe('Job');
    expect(arrows(scenario)).toEqual(['jobs -> worker']);
    expect(codes(notes)).toContain('connection:requeue:cycle');
  });
});

describe('invalid documents', () => {
  test("a schema-invalid document gives the parser's messages with their line numbers, in order", async () => {
    const read = await readAsyncApi(fixture('broken-3.0.yaml'), realParser());
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toContainEqual({ line: 10, message: '"partitions" property must be >= 1', path: 'channels.orders.bindings.kafka.partitions' });
    expect(read.problems).toContainEqual({ line: 16, message: "'#/channels/nowhere' does not exist", path: 'operations.placeOrder.channel.$ref' });
    const lines = read.problems.map((p) => p.line ?? Infinity);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  test('broken YAML points at the line where it breaks', async () => {
    const read = await readAsyncApi('asyncapi: 3.0.0\ninfo:\n  title: x\n  version: "1"\n  : : [\n', realParser());
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.some((p) => p.line === 5)).toBe(true);
  });

  test('an empty file, or one that is not AsyncAPI, is refused with a sentence', async () => {
    const empty = await readAsyncApi('  \n', realParser());
    expect(empty).toEqual({ ok: false, problems: [{ line: null, message: 'the file is empty', path: '' }] });
    const scenarioJson = await readAsyncApi('{"version": 1, "nodes": []}', realParser());
    expect(scenarioJson.ok).toBe(false);
  });

  test('a parser that throws does not escape as an exception', async () => {
    const read = await readAsyncApi('asyncapi: 3.0.0', { parse: () => Promise.reject(new Error('out of memory')) });
    expect(read).toEqual({ ok: false, problems: [{ line: null, message: 'the AsyncAPI parser stopped: out of memory', path: '' }] });
  });
});
