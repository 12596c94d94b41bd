import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type AssignorName, type Command, type Engine } from '../../src/engine';
import { allRecords } from './helpers';

const RUNS = 60;
/** Compute-bound: generous so a busy 2-core CI machine never fails them on time alone. */
const TIMEOUT_MS = 120_000;

describe('engine invariants over many seeds (fast-check)', () => {
  it('keeps offsets contiguous and each key\'s records in the order they were sent', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e', null), wait: fc.nat(30) }), { maxLength: 80 }),
        (seed, partitions, sends) => {
          const engine = createEngine({ seed });
          engine.apply({ type: 'createTopic', name: 't', partitions });
          const sentOrder = new Map<string | null, number[]>();
          sends.forEach(({ key, wait }, i) => {
            engine.apply({ type: 'produce', topic: 't', key, value: i });
            sentOrder.set(key, [...(sentOrder.get(key) ?? []), i]);
            engine.advance(wait);
          });
          engine.advance(1000);
          let total = 0;
          for (let p = 0; p < partitions; p++) {
            const records = allRecords(engine, 't', p);
            expect(records.map((r) => r.offset)).toEqual(records.map((_, i) => i));
            total += records.length;
            for (const [key, order] of sentOrder) {
              if (key === null) continue;
              const here = records.filter((r) => r.key === key).map((r) => r.value as number);
              if (here.length) expect(here).toEqual(order);
            }
          }
          expect(total).toBe(sends.length);
        },
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('with acks=all, RF=3 and min.insync.replicas=2, no acknowledged record is lost when any single broker fails', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.option(fc.integer({ min: 100, max: 5000 }), { nil: null }),
        fc.integer({ min: 1, max: 40 }),
        (seed, victim, failAt, recoverAfter, replicaFetchMs) => {
          const engine = createEngine({ seed, brokers: 3, replicaFetchMs, brokerSessionTimeoutMs: 1000 });
          engine.apply({ type: 'createTopic', name: 'pay', partitions: 3, replicationFactor: 3, minInsyncReplicas: 2 });
          engine.apply({ type: 'addProducer', id: 'p', topic: 'pay', acks: 'all', idempotent: false, ratePerSec: 400, keys: { kind: 'random', prefix: 'k', count: 20 }, requestTimeoutMs: 2000 });
          const acked = new Set<number>();
          engine.subscribe((e) => {
            if (e.type === 'acked' && e.baseOffset >= 0)
              for (const r of engine.readRecords(e.topic, e.partition, e.baseOffset, e.count)) acked.add(r.value as number);
          });
          engine.advance(failAt);
          engine.apply({ type: 'failBroker', broker: victim });
          if (recoverAfter !== null) {
            engine.advance(recoverAfter);
            engine.apply({ type: 'recoverBroker', broker: victim });
          }
          engine.advance(3000);
          engine.apply({ type: 'setProducerRate', id: 'p', ratePerSec: 0 });
          engine.advance(10_000);
          const stored = new Set([0, 1, 2].flatMap((p) => allRecords(engine, 'pay', p)).map((r) => r.value as number));
          expect(acked.size).toBeGreaterThan(0);
          for (const v of acked) expect(stored.has(v)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  const groupOp = fc.oneof(
    fc.record({ op: fc.constant('join' as const), group: fc.constantFrom('g1', 'g2'), topics: fc.subarray(['t1', 't2'], { minLength: 1 }) }),
    fc.record({ op: fc.constantFrom('leave' as const, 'crash' as const, 'restart' as const), which: fc.nat(20) }),
    fc.record({ op: fc.constant('grow' as const), topic: fc.constantFrom('t1', 't2'), by: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 4000 }) }),
  );

  it('after every rebalance each partition is owned by at most one member, and once settled by exactly one live member', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom<AssignorName>('range', 'roundrobin', 'sticky', 'cooperative-sticky'), fc.array(groupOp, { maxLength: 30 }), (seed, assignor, ops) => {
        const engine = createEngine({ seed });
        engine.apply({ type: 'createTopic', name: 't1', partitions: 3 });
        engine.apply({ type: 'createTopic', name: 't2', partitions: 2 });
        engine.subscribe((e) => {
          if (e.type !== 'rebalanced') return;
          const owners = Object.values(e.assignment).flat();
          expect(new Set(owners).size).toBe(owners.length);
        });
        let n = 0;
        const ids: string[] = [];
        for (const o of ops) {
          if (o.op === 'join') {
            const id = `c${n++}`;
            ids.push(id);
            engine.apply({ type: 'addConsumer', id, group: o.group, topics: o.topics, assignor, sessionTimeoutMs: 1500 });
          } else if (o.op === 'grow') {
            const current = engine.view().topics.find((t) => t.name === o.topic)!.partitions.length;
            engine.apply({ type: 'addPartitions', topic: o.topic, partitions: current + o.by });
          } else if (o.op === 'wait') {
            engine.advance(o.ms);
          } else {
            const live = engine.view().groups.flatMap((g) => g.members);
            const target = live[o.which % Math.max(1, live.length)];
            if (!target) continue;
            const command: Command =
              o.op === 'leave' ? { type: 'removeConsumer', id: target.id } : o.op === 'crash' ? { type: 'crashConsumer', id: target.id } : { type: 'restartConsumer', id: target.id };
            engine.apply(command);
          }
        }
        engine.advance(5000);
        expectSettled(engine);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('replaying the command log from the seed reproduces the trace exactly, at any moment', () => {
    const command = fc.oneof(
      fc.record({ type: fc.constant('produce' as const), topic: fc.constant('t'), key: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }), value: fc.nat(100) }),
      fc.record({ type: fc.constant('failBroker' as const), broker: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ type: fc.constant('recoverBroker' as const), broker: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ type: fc.constant('setProducerRate' as const), id: fc.constant('gen'), ratePerSec: fc.integer({ min: 0, max: 500 }) }),
      fc.record({ type: fc.constant('crashConsumer' as const), id: fc.constantFrom('a', 'b') }),
      fc.record({ type: fc.constant('restartConsumer' as const), id: fc.constantFrom('a', 'b') }),
    );
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.tuple(command, fc.nat(800)), { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, steps, at) => {
        const engine = createEngine({ seed, brokerSessionTimeoutMs: 300 });
        engine.apply({ type: 'createTopic', name: 't', partitions: 4, replicationFactor: 3, minInsyncReplicas: 2 });
        engine.apply({ type: 'addProducer', id: 'gen', topic: 't', ratePerSec: 100, keys: { kind: 'random', prefix: 'k', count: 9 } });
        engine.apply({ type: 'addConsumer', id: 'a', group: 'g', topics: ['t'], assignor: 'cooperative-sticky', sessionTimeoutMs: 500 });
        engine.apply({ type: 'addConsumer', id: 'b', group: 'g', topics: ['t'], assignor: 'cooperative-sticky', sessionTimeoutMs: 500, processingMs: 3 });
        for (const [c, wait] of steps) {
          try {
            engine.apply(c as Command);
          } catch {
            // refused commands (e.g. a consumer already gone) are simply not logged
          }
          engine.advance(wait);
        }
        const t = Math.floor(engine.now * at);
        const rebuilt = engine.rebuildAt(t);
        expect(JSON.stringify(rebuilt.trace)).toBe(JSON.stringify(engine.trace.filter((e) => e.t <= t)));
        const full = engine.rebuildAt(engine.now);
        expect(JSON.stringify(full.view())).toBe(JSON.stringify(engine.view()));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});

function expectSettled(engine: Engine) {
  const view = engine.view();
  for (const group of view.groups) {
    if (group.members.length === 0) continue;
    expect(group.state).toBe('Stable');
    const topics = new Set(group.members.flatMap((m) => m.topics));
    const owners = new Map<string, string[]>();
    for (const m of group.members) {
      expect(m.alive).toBe(true);
      for (const tp of m.assigned) owners.set(tp, [...(owners.get(tp) ?? []), m.id]);
    }
    for (const t of view.topics.filter((x) => topics.has(x.name)))
      for (const p of t.partitions) {
        const tp = `${t.name}-${p.id}`;
        const subscribed = group.members.filter((m) => m.topics.includes(t.name));
        if (subscribed.length) expect(owners.get(tp) ?? []).toHaveLength(1);
      }
  }
}
