import { describe, expect, it } from 'vitest';
import { createEngine, partitionForKey } from '../../src/engine';
import { allRecords, engineWithTopic, eventsOf } from './helpers';

describe('producing records', () => {
  it('sends keyed records to murmur2(key) % partitions, so one key always lands in one partition', () => {
    const engine = engineWithTopic({ partitions: 6 });
    const keys = ['alice', 'bob', 'carol', 'dave', 'erin', 'กาแฟ'];
    for (let round = 0; round < 3; round++) for (const key of keys) engine.apply({ type: 'produce', topic: 'orders', key, value: `${key}-${round}` });
    engine.advance(100);
    for (const key of keys) {
      const expected = partitionForKey(key, 6);
      const values = allRecords(engine, 'orders', expected).filter((r) => r.key === key).map((r) => r.value);
      expect(values).toEqual([`${key}-0`, `${key}-1`, `${key}-2`]);
    }
  });

  it('assigns contiguous offsets from 0 and stores immutable records with key, value, headers and timestamp', () => {
    const engine = engineWithTopic({ partitions: 1 });
    engine.advance(7);
    for (let i = 0; i < 5; i++) engine.apply({ type: 'produce', topic: 'orders', key: 'k', value: i, eventType: 'OrderPlaced' });
    engine.advance(100);
    const records = allRecords(engine, 'orders', 0);
    expect(records.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
    expect(records[0]).toMatchObject({ topic: 'orders', partition: 0, key: 'k', value: 0, headers: { type: 'OrderPlaced' } });
    expect(records[0].timestamp).toBeGreaterThanOrEqual(7);
    expect(Object.isFrozen(records[0])).toBe(true);
  });

  it('sticks keyless records to one partition per batch, then moves to another', () => {
    const engine = engineWithTopic({ partitions: 4 });
    engine.apply({ type: 'addProducer', id: 'p', topic: 'orders', batchSizeBytes: 200, lingerMs: 0 });
    // Each record is ~24 bytes, so about nine records fill a 200-byte batch.
    for (let i = 0; i < 90; i++) engine.apply({ type: 'produce', topic: 'orders', producer: 'p', value: 'xxxxxxxxxx' });
    const produced = eventsOf(engine.advance(100), 'produced');
    const partitionsInOrder = produced.map((e) => e.partition);
    const switches = partitionsInOrder.filter((p, i) => i > 0 && p !== partitionsInOrder[i - 1]).length;
    expect(new Set(partitionsInOrder).size).toBeGreaterThan(1);
    expect(switches).toBeLessThan(20);
    const perPartition = engine.view().topics[0].partitions.map((p) => p.endOffset);
    expect(perPartition.reduce((a, b) => a + b, 0)).toBe(90);
  });

  it('batches records sent within linger.ms into one produce request per partition', () => {
    const engine = engineWithTopic({ partitions: 1 });
    engine.apply({ type: 'addProducer', id: 'p', topic: 'orders', lingerMs: 20 });
    for (let i = 0; i < 10; i++) engine.apply({ type: 'produce', topic: 'orders', producer: 'p', key: 'k', value: i });
    const produced = eventsOf(engine.advance(100), 'produced');
    expect(produced).toHaveLength(1);
    expect(produced[0]).toMatchObject({ baseOffset: 0, count: 10 });
  });

  it('generates records at the configured rate with the chosen key pattern', () => {
    const engine = engineWithTopic({ partitions: 3 });
    engine.apply({ type: 'addProducer', id: 'gen', topic: 'orders', ratePerSec: 200, keys: { kind: 'cycle', keys: ['a', 'b'] }, eventType: 'OrderPlaced' });
    engine.advance(5000);
    const total = engine.view().topics[0].partitions.reduce((n, p) => n + p.endOffset, 0);
    expect(total).toBeGreaterThanOrEqual(990);
    expect(total).toBeLessThanOrEqual(1000);
    const used = engine.view().topics[0].partitions.filter((p) => p.endOffset > 0).map((p) => p.id).sort();
    expect(used).toEqual([...new Set([partitionForKey('a', 3), partitionForKey('b', 3)])].sort());
  });

  it('refuses keyless records on a compacted topic (Kafka: INVALID_RECORD), without retrying', () => {
    const engine = createEngine();
    engine.apply({ type: 'createTopic', name: 'profiles', partitions: 1, cleanupPolicy: 'compact' });
    engine.apply({ type: 'produce', topic: 'profiles', value: 'no key' });
    const failed = eventsOf(engine.advance(100), 'produceFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ error: 'INVALID_RECORD', willRetry: false });
    expect(engine.view().topics[0].partitions[0].endOffset).toBe(0);
  });
});

describe('replication, acks and broker failure', () => {
  const replicated = (opts: { acks: 0 | 1 | 'all'; minIsr?: number; idempotent?: boolean }) => {
    const engine = createEngine({ brokers: 3, replicaFetchMs: 20, brokerSessionTimeoutMs: 1000 });
    engine.apply({ type: 'createTopic', name: 'payments', partitions: 1, replicationFactor: 3, minInsyncReplicas: opts.minIsr ?? 2 });
    engine.apply({ type: 'addProducer', id: 'p', topic: 'payments', acks: opts.acks, idempotent: opts.idempotent ?? false, lingerMs: 0, requestTimeoutMs: 3000 });
    return engine;
  };
  const leaderOf = (engine: ReturnType<typeof createEngine>) => engine.view().topics[0].partitions[0].leader;

  it('keeps records above the high watermark invisible to consumers until followers have them', () => {
    const engine = replicated({ acks: 1 });
    engine.apply({ type: 'addConsumer', id: 'c', group: 'g', topics: ['payments'], autoOffsetReset: 'earliest' });
    engine.advance(200);
    engine.apply({ type: 'produce', topic: 'payments', producer: 'p', key: 'k', value: 1 });
    engine.advance(5);
    const p = engine.view().topics[0].partitions[0];
    expect(p.endOffset).toBe(1);
    expect(p.highWatermark).toBe(0);
    expect(eventsOf(engine.trace, 'delivered')).toHaveLength(0);
    engine.advance(200);
    expect(engine.view().topics[0].partitions[0].highWatermark).toBe(1);
    expect(eventsOf(engine.trace, 'delivered')).toHaveLength(1);
  });

  it("copies every partition a leader leads in one fetch round, and other leaders' partitions in their own", () => {
    const engine = createEngine({ brokers: 3, replicaFetchMs: 20 });
    engine.apply({ type: 'createTopic', name: 't', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 });
    engine.apply({ type: 'addProducer', id: 'p', topic: 't', acks: 1, idempotent: false, lingerMs: 0 });
    const leaders = engine.view().topics[0].partitions.map((p) => p.leader);
    const first = 0;
    const sameLeader = leaders.findIndex((l, i) => i !== first && l === leaders[first]);
    const otherLeader = leaders.findIndex((l) => l !== leaders[first]);
    expect(sameLeader).toBeGreaterThan(0);
    const seen: { partition: number; t: number }[] = [];
    engine.subscribe((e) => e.type === 'replicated' && seen.push({ partition: e.partition, t: e.t }));
    engine.apply({ type: 'produce', topic: 't', producer: 'p', key: 'a', partition: first });
    engine.advance(7);
    engine.apply({ type: 'produce', topic: 't', producer: 'p', key: 'b', partition: sameLeader });
    engine.apply({ type: 'produce', topic: 't', producer: 'p', key: 'c', partition: otherLeader });
    engine.advance(200);
    // Appended at 1 and 8 ms: both go with the leader's round that started at 1 ms (copied at
    // 21, reported at 41). The other leader's round starts with its own record (copied at 28).
    const when = (partition: number) => seen.find((s) => s.partition === partition)?.t;
    expect(when(first)).toBe(41);
    expect(when(sameLeader)).toBe(41);
    expect(when(otherLeader)).toBe(48);
  });

  it('acks=1 loses an acknowledged record when the leader dies before followers copy it', () => {
    const engine = replicated({ acks: 1 });
    engine.advance(10);
    const oldLeader = leaderOf(engine);
    engine.apply({ type: 'produce', topic: 'payments', producer: 'p', key: 'k', value: 'lost' });
    engine.advance(4); // appended at t+1, acked at t+2; followers would fetch at t+21
    expect(eventsOf(engine.trace, 'acked')).toHaveLength(1);
    engine.apply({ type: 'failBroker', broker: oldLeader });
    engine.advance(2000);
    const elected = eventsOf(engine.trace, 'leaderElected');
    expect(elected).toHaveLength(1);
    expect(elected[0].truncated).toBe(1);
    expect(engine.view().topics[0].partitions[0].endOffset).toBe(0);
  });

  it('acks=all keeps every acknowledged record through a leader failure', () => {
    const engine = replicated({ acks: 'all' });
    engine.advance(10);
    for (let i = 0; i < 20; i++) engine.apply({ type: 'produce', topic: 'payments', producer: 'p', key: `k${i}`, value: i });
    engine.advance(300);
    const acked = eventsOf(engine.trace, 'acked').reduce((n, e) => n + e.count, 0);
    expect(acked).toBe(20);
    engine.apply({ type: 'failBroker', broker: leaderOf(engine) });
    engine.advance(2000);
    const values = allRecords(engine, 'payments', 0).map((r) => r.value);
    for (let i = 0; i < 20; i++) expect(values).toContain(i);
  });

  it('refuses acks=all writes with NOT_ENOUGH_REPLICAS once the ISR is below min.insync.replicas, and accepts them again after recovery', () => {
    const engine = replicated({ acks: 'all', minIsr: 2 });
    engine.advance(10);
    const followers = [0, 1, 2].filter((b) => b !== leaderOf(engine));
    for (const b of followers) engine.apply({ type: 'failBroker', broker: b });
    engine.advance(1500); // both fenced, ISR = [leader]
    expect(engine.view().topics[0].partitions[0].isr).toHaveLength(1);
    engine.apply({ type: 'produce', topic: 'payments', producer: 'p', key: 'k', value: 'x' });
    engine.advance(500);
    const failures = eventsOf(engine.trace, 'produceFailed');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.error === 'NOT_ENOUGH_REPLICAS' && f.willRetry)).toBe(true);
    engine.apply({ type: 'recoverBroker', broker: followers[0] });
    engine.advance(1000);
    expect(eventsOf(engine.trace, 'acked').reduce((n, e) => n + e.count, 0)).toBe(1);
    expect(engine.view().topics[0].partitions[0].isr.length).toBeGreaterThanOrEqual(2);
  });

  it('a retry after a lost acknowledgement writes a duplicate, unless the producer is idempotent', () => {
    const run = (idempotent: boolean) => {
      const engine = replicated({ acks: 'all', idempotent });
      engine.advance(10);
      engine.apply({ type: 'produce', topic: 'payments', producer: 'p', key: 'order-1', value: 'charge' });
      // Appended at +1; followers copy at +21; the leader would learn of it at +41 and ack.
      engine.advance(30);
      engine.apply({ type: 'failBroker', broker: leaderOf(engine) });
      engine.advance(10_000);
      return allRecords(engine, 'payments', 0).filter((r) => r.value === 'charge').length;
    };
    expect(run(false)).toBe(2);
    expect(run(true)).toBe(1);
  });

  it('elects the next in-sync replica as leader after the session timeout, and the old leader rejoins as a follower', () => {
    const engine = replicated({ acks: 'all' });
    engine.advance(10);
    const first = leaderOf(engine);
    engine.apply({ type: 'failBroker', broker: first });
    engine.advance(500);
    expect(leaderOf(engine)).toBe(first); // not yet noticed
    engine.advance(1000);
    const second = leaderOf(engine);
    expect(second).not.toBe(first);
    expect(engine.view().topics[0].partitions[0].isr).not.toContain(first);
    engine.apply({ type: 'recoverBroker', broker: first });
    engine.apply({ type: 'produce', topic: 'payments', producer: 'p', key: 'k', value: 1 });
    engine.advance(500);
    expect(leaderOf(engine)).toBe(second);
    expect(engine.view().topics[0].partitions[0].isr).toContain(first);
  });

  it('takes a partition offline when no in-sync replica is left, and brings it back with the last one', () => {
    const engine = createEngine({ brokers: 2, brokerSessionTimeoutMs: 100 });
    engine.apply({ type: 'createTopic', name: 't', partitions: 1, replicationFactor: 2 });
    engine.advance(10);
    engine.apply({ type: 'failBroker', broker: 0 });
    engine.apply({ type: 'failBroker', broker: 1 });
    engine.advance(500);
    expect(engine.view().topics[0].partitions[0].leader).toBe(-1);
    expect(eventsOf(engine.trace, 'partitionOffline').length).toBeGreaterThan(0);
    const lastIsr = engine.view().topics[0].partitions[0].isr[0];
    engine.apply({ type: 'recoverBroker', broker: lastIsr });
    expect(engine.view().topics[0].partitions[0].leader).toBe(lastIsr);
  });

  it('acks=0 counts a record as sent even when the leader is down and it is never written', () => {
    const engine = createEngine({ brokers: 1 });
    engine.apply({ type: 'createTopic', name: 't', partitions: 1 });
    engine.apply({ type: 'addProducer', id: 'p', topic: 't', acks: 0, idempotent: false, lingerMs: 0 });
    engine.apply({ type: 'failBroker', broker: 0 });
    engine.apply({ type: 'produce', topic: 't', producer: 'p', key: 'k', value: 1 });
    engine.advance(100);
    expect(engine.view().producers.find((p) => p.id === 'p')).toMatchObject({ sent: 1, acked: 1, failed: 0 });
    expect(engine.view().topics[0].partitions[0].endOffset).toBe(0);
  });
});
