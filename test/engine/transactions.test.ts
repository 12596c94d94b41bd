import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, type Engine, type TraceEvent } from '../../src/engine';
import { eventsOf } from './helpers';

/**
 * A payment service reading `payments` and writing every payment to `ledger` and `audit` inside
 * a Kafka transaction, read by a read_committed and a read_uncommitted consumer.
 */
function paymentsRun(opts: { transactional?: boolean; seed?: number; timeoutMs?: number } = {}) {
  const engine = createEngine({ seed: opts.seed ?? 7, traceLimit: 1_000_000 });
  const trace: TraceEvent[] = [];
  engine.subscribe((e) => trace.push(e));
  engine.apply({ type: 'createTopic', name: 'payments', partitions: 1 });
  engine.apply({ type: 'createTopic', name: 'ledger', partitions: 1 });
  engine.apply({ type: 'createTopic', name: 'audit', partitions: 1 });
  engine.apply({ type: 'addProducer', id: 'checkout', topic: 'payments', ratePerSec: 20, keys: { kind: 'random', prefix: 'order-', count: 50 }, eventType: 'PaymentRequested' });
  engine.apply({
    type: 'addService',
    id: 'payment',
    subscribes: ['payments'],
    processingMs: 200,
    transactional: opts.transactional ?? true,
    transactionTimeoutMs: opts.timeoutMs,
    handlers: [{ on: '*', emit: [{ topic: 'ledger', eventType: 'LedgerEntry' }, { topic: 'audit', eventType: 'AuditEntry' }] }],
  });
  for (const [id, isolationLevel] of [['committed-reader', 'read_committed'], ['any-reader', 'read_uncommitted']] as const)
    engine.apply({ type: 'addConsumer', id, group: id, topics: ['ledger'], isolationLevel, processingMs: 1, autoOffsetReset: 'earliest' });
  return { engine, trace };
}

const ledger = (engine: Engine) => engine.view().topics.find((t) => t.name === 'ledger')!.partitions[0];
const member = (engine: Engine, group: string) => engine.view().groups.find((g) => g.id === group)!.members[0];
/** Ledger offsets a consumer handed to its application. */
const seenBy = (trace: TraceEvent[], consumer: string) => eventsOf(trace, 'processed').filter((e) => e.consumer === consumer && e.topic === 'ledger').map((e) => e.offset);

describe('a transactional consume-transform-produce service', () => {
  it('commits markers that take offsets but never reach an application', () => {
    const { engine, trace } = paymentsRun();
    engine.advance(5000);
    engine.apply({ type: 'setProducerRate', id: 'checkout', ratePerSec: 0 });
    engine.advance(20_000);
    const p = ledger(engine);
    const committed = eventsOf(trace, 'transactionEnded').filter((e) => e.result === 'COMMIT');
    expect(committed.length).toBeGreaterThan(3);
    expect(p.markers).toBe(committed.length);
    // Every offset is a payment or a marker: the log has gaps where the markers sit.
    const payments = engine.view().topics.find((t) => t.name === 'payments')!.partitions[0].endOffset;
    expect(p.endOffset).toBe(payments + committed.length);
    const markerOffsets = new Set(committed.map((e) => e.markers['ledger-0']));
    for (const who of ['committed-reader', 'any-reader']) {
      const seen = seenBy(trace, who);
      expect(seen).toHaveLength(payments);
      expect(seen.filter((o) => markerOffsets.has(o))).toEqual([]);
    }
    expect(p.lastStableOffset).toBe(p.highWatermark);
    expect(engine.view().services[0].transactions).toEqual({ committed: committed.length, aborted: 0, isolationLevel: 'read_uncommitted' });
  });

  it('holds the last stable offset at an open transaction: read_committed readers wait there', () => {
    const { engine, trace } = paymentsRun();
    engine.advance(3000);
    // Mid-batch (200 ms a payment): some outputs are written, the transaction is open.
    engine.apply({ type: 'crashConsumer', id: 'payment-0' });
    engine.advance(1000);
    const p = ledger(engine);
    expect(p.lastStableOffset).toBeLessThan(p.highWatermark);
    const committedReader = Math.max(...seenBy(trace, 'committed-reader'));
    const anyReader = Math.max(...seenBy(trace, 'any-reader'));
    expect(committedReader).toBeLessThan(p.lastStableOffset!);
    expect(anyReader).toBeGreaterThanOrEqual(p.lastStableOffset!);
  });

  it('a crash mid-transaction: aborted after transaction.timeout.ms; only read_uncommitted saw its records', () => {
    const { engine, trace } = paymentsRun();
    engine.advance(3000);
    const crashAt = engine.now;
    engine.apply({ type: 'crashConsumer', id: 'payment-0' });
    engine.advance(70_000);
    const aborts = eventsOf(trace, 'transactionEnded').filter((e) => e.result === 'ABORT');
    expect(aborts.map((e) => e.reason)).toEqual(['timeout']);
    expect(aborts[0].t).toBeGreaterThanOrEqual(crashAt + 60_000 - 1000);
    expect(aborts[0].t).toBeLessThanOrEqual(crashAt + 60_000);
    const aborted = new Set(eventsOf(trace, 'produced').filter((e) => e.transactionalId && e.topic === 'ledger' && e.t <= crashAt).map((e) => e.baseOffset));
    const lastCommit = eventsOf(trace, 'transactionEnded').filter((e) => e.result === 'COMMIT').at(-1)!.markers['ledger-0'];
    const abortedOffsets = [...aborted].filter((o) => o > lastCommit);
    expect(abortedOffsets.length).toBeGreaterThan(0);
    expect(seenBy(trace, 'any-reader')).toEqual(expect.arrayContaining(abortedOffsets));
    expect(seenBy(trace, 'committed-reader').filter((o) => abortedOffsets.includes(o))).toEqual([]);
    expect(member(engine, 'committed-reader').abortedSkipped).toBe(abortedOffsets.length);
    expect(member(engine, 'any-reader').abortedRead).toBe(abortedOffsets.length);
    expect(ledger(engine).abortedRecords).toBe(abortedOffsets.length);
  });

  it('restarting the crashed instance fences its old epoch and aborts the open transaction at once', () => {
    const { engine, trace } = paymentsRun();
    engine.advance(3000);
    engine.apply({ type: 'crashConsumer', id: 'payment-0' });
    engine.advance(500);
    engine.apply({ type: 'restartConsumer', id: 'payment-0' });
    const aborts = eventsOf(trace, 'transactionEnded').filter((e) => e.result === 'ABORT');
    expect(aborts.map((e) => [e.reason, e.t])).toEqual([['fenced', engine.now]]);
    engine.advance(10_000);
    const p = ledger(engine);
    expect(p.lastStableOffset).toBeGreaterThan(aborts[0].markers['ledger-0']);
  });

  it('a service brought back up reuses its instances transactional.ids and fences the crashed ones', () => {
    const { engine, trace } = paymentsRun();
    engine.advance(3000);
    engine.apply({ type: 'setServiceDown', id: 'payment', down: true });
    engine.advance(500);
    engine.apply({ type: 'setServiceDown', id: 'payment', down: false });
    expect(eventsOf(trace, 'transactionEnded').filter((e) => e.result === 'ABORT').map((e) => [e.transactionalId, e.reason])).toEqual([['payment-txn-0', 'fenced']]);
    expect(member(engine, 'payment').transactionalId).toBe('payment-txn-0');
  });

  it('without transactions nothing changes: no markers, no last stable offset in the view', () => {
    const { engine, trace } = paymentsRun({ transactional: false });
    engine.advance(5000);
    expect(ledger(engine).lastStableOffset).toBeUndefined();
    expect(eventsOf(trace, 'transactionEnded')).toEqual([]);
    expect(engine.view().services[0].transactions).toBeUndefined();
  });

  it('refuses an unknown isolation level and a non-positive transaction timeout, changing nothing', () => {
    const { engine } = paymentsRun();
    const before = JSON.stringify(engine.view());
    expect(() => engine.apply({ type: 'addConsumer', id: 'x', group: 'x', topics: ['ledger'], isolationLevel: 'serializable' as never })).toThrow(EngineError);
    expect(() => engine.apply({ type: 'addService', id: 's', subscribes: ['ledger'], transactional: true, transactionTimeoutMs: 0 })).toThrow(/transactionTimeoutMs/);
    expect(JSON.stringify(engine.view())).toBe(before);
  });
});

describe('producer retries after a lost ack (the leader fails before answering)', () => {
  function failLeader(idempotent: boolean) {
    const engine = createEngine({ seed: 2, brokers: 3 });
    engine.apply({ type: 'createTopic', name: 'payments', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 });
    engine.apply({ type: 'addProducer', id: 'checkout', topic: 'payments', ratePerSec: 200, acks: 'all', idempotent, keys: { kind: 'random', prefix: 'order-', count: 100 } });
    engine.advance(3074);
    engine.apply({ type: 'failBroker', broker: engine.view().topics[0].partitions[0].leader });
    const trace = engine.advance(45_000);
    return { producer: engine.view().producers[0], trace };
  }

  it('without idempotence the retry writes the records a second time', () => {
    const { producer, trace } = failLeader(false);
    expect(producer.writtenTwice).toBeGreaterThan(0);
    expect(producer.retriesNotRewritten).toBe(0);
    expect(eventsOf(trace, 'duplicateDropped')).toEqual([]);
  });

  it('with idempotence the leader recognises PID + sequence and does not write them again', () => {
    const { producer, trace } = failLeader(true);
    expect(producer.retriesNotRewritten).toBeGreaterThan(0);
    expect(producer.writtenTwice).toBe(0);
    expect(eventsOf(trace, 'duplicateDropped').reduce((n, e) => n + e.count, 0)).toBe(producer.retriesNotRewritten);
  });
});
