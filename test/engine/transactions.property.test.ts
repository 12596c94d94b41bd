import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine, type TraceEvent } from '../../src/engine';
import { eventsOf } from './helpers';

/**
 * Exactly-once through the whole engine: a transactional service turns `payments` into `ledger`
 * records while its instances crash, restart and go down at random moments. Whatever the crash
 * points:
 * - a read_committed consumer never receives a record of an aborted transaction, nor a marker;
 * - once everything settles it has received exactly one ledger record per payment;
 * - every partition's last stable offset stays at or below its high watermark;
 * - the same seed and crash points give the same trace.
 */
type Action = { atMs: number; kind: 'crash' | 'restart' | 'down' | 'up'; which: number };

const action: fc.Arbitrary<Action> = fc.record({
  atMs: fc.integer({ min: 200, max: 12_000 }),
  kind: fc.constantFrom('crash', 'crash', 'restart', 'down', 'up'),
  which: fc.nat(3),
});

function run(seed: number, instances: number, actions: Action[]) {
  const engine = createEngine({ seed, traceLimit: 1_000_000 });
  const trace: TraceEvent[] = [];
  engine.subscribe((e) => trace.push(e));
  engine.apply({ type: 'createTopic', name: 'payments', partitions: 2 });
  engine.apply({ type: 'createTopic', name: 'ledger', partitions: 2 });
  engine.apply({ type: 'createTopic', name: 'audit', partitions: 1 });
  engine.apply({ type: 'addProducer', id: 'checkout', topic: 'payments', ratePerSec: 30, keys: { kind: 'random', prefix: 'order-', count: 40 }, eventType: 'PaymentRequested' });
  engine.apply({
    type: 'addService',
    id: 'payment',
    subscribes: ['payments'],
    instances,
    processingMs: 40,
    transactional: true,
    transactionTimeoutMs: 20_000,
    handlers: [{ on: '*', emit: [{ topic: 'ledger', eventType: 'LedgerEntry' }, { topic: 'audit', eventType: 'AuditEntry', key: 'none' }] }],
  });
  engine.apply({ type: 'addConsumer', id: 'reader', group: 'reader', topics: ['ledger'], isolationLevel: 'read_committed', processingMs: 1, autoOffsetReset: 'earliest' });
  const lsoAboveHw: string[] = [];
  const checkLso = () => {
    for (const t of engine.view().topics)
      for (const p of t.partitions) if (p.lastStableOffset !== undefined && p.lastStableOffset > p.highWatermark) lsoAboveHw.push(`${t.name}-${p.id} at ${engine.now}`);
  };
  for (const a of [...actions].sort((x, y) => x.atMs - y.atMs)) {
    if (a.atMs > engine.now) engine.advanceTo(a.atMs);
    checkLso();
    const service = engine.view().services[0];
    const group = engine.view().groups.find((g) => g.id === 'payment')!;
    const alive = group.members.filter((m) => m.alive && service.members.includes(m.id));
    const crashed = group.members.filter((m) => !m.alive);
    if (a.kind === 'crash' && alive.length) engine.apply({ type: 'crashConsumer', id: alive[a.which % alive.length].id });
    if (a.kind === 'restart' && crashed.length) engine.apply({ type: 'restartConsumer', id: crashed[a.which % crashed.length].id });
    if (a.kind === 'down' || a.kind === 'up') engine.apply({ type: 'setServiceDown', id: 'payment', down: a.kind === 'down' });
  }
  // Settle: no new payments, every instance running, past every transaction timeout.
  engine.advanceTo(Math.max(engine.now, 12_500));
  engine.apply({ type: 'setProducerRate', id: 'checkout', ratePerSec: 0 });
  // A crashed instance whose session expired is gone for good: a restart of the whole service
  // (down, then up) brings every instance back, fencing whatever the crashed ones left open.
  engine.apply({ type: 'setServiceDown', id: 'payment', down: true });
  engine.apply({ type: 'setServiceDown', id: 'payment', down: false });
  for (let i = 0; i < 8; i++) {
    engine.advance(5000);
    checkLso();
  }
  return { engine, trace, lsoAboveHw };
}

/** Offsets ("topic-partition-offset") of records in aborted transactions, and of markers. */
function abortedAndMarkers(trace: TraceEvent[]) {
  const open = new Map<string, string[]>();
  const aborted = new Set<string>();
  const markers = new Set<string>();
  for (const e of trace) {
    if (e.type === 'produced' && e.transactionalId) {
      const list = open.get(e.transactionalId) ?? [];
      list.push(`${e.topic}-${e.partition}-${e.baseOffset}`);
      open.set(e.transactionalId, list);
    }
    if (e.type === 'transactionEnded') {
      if (e.result === 'ABORT') for (const r of open.get(e.transactionalId) ?? []) aborted.add(r);
      open.delete(e.transactionalId);
      for (const [tp, offset] of Object.entries(e.markers)) markers.add(`${tp}-${offset}`);
    }
  }
  return { aborted, markers };
}

function origins(engine: Engine, topic: string, records: { partition: number; offset: number }[]) {
  return records.map((r) => engine.readRecords(topic, r.partition, r.offset, 1)[0]);
}

const settings = { numRuns: 40 };

describe('exactly-once with transactions (fast-check)', () => {
  it('read_committed sees no aborted record and each payment exactly once, LSO <= HW, across random crashes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 }), fc.array(action, { maxLength: 6 }), (seed, instances, actions) => {
        const { engine, trace, lsoAboveHw } = run(seed, instances, actions);
        expect(lsoAboveHw).toEqual([]);
        const { aborted, markers } = abortedAndMarkers(trace);
        const seen = eventsOf(trace, 'processed').filter((e) => e.consumer === 'reader');
        const keys = seen.map((e) => `${e.topic}-${e.partition}-${e.offset}`);
        expect(keys.filter((k) => aborted.has(k) || markers.has(k))).toEqual([]);
        expect(new Set(keys).size).toBe(keys.length);
        // One ledger record per payment: the origins the reader saw are exactly the payments.
        const payments = engine.view().topics.find((t) => t.name === 'payments')!.partitions;
        const expected = payments.flatMap((p) => Array.from({ length: p.endOffset }, (_, o) => `payments-${p.id}-${o}`)).sort();
        const got = origins(engine, 'ledger', seen)
          .map((r) => r.headers.origin)
          .sort();
        expect(got).toEqual(expected);
      }),
      settings,
    );
  });

  it('the same seed and crash points give the same trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(action, { maxLength: 4 }), (seed, actions) => {
        const a = run(seed, 2, actions);
        const b = run(seed, 2, actions);
        expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
      }),
      { numRuns: 5 },
    );
  });
});
