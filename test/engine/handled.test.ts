import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OriginSet, parseRecordOrigin, recordOrigin, sharedRecordOrigin, type RecentOrigins } from '../../src/engine/handled';
import { createEngine } from '../../src/engine';

/** Origins as strings: record forms (some topics with '-'), near misses, and arbitrary text. */
const origin = fc.oneof(
  fc.tuple(fc.constantFrom('orders', 'order-stats', 'a-1', 't'), fc.nat(20), fc.oneof(fc.nat(50), fc.nat(100_000), fc.constant(2 ** 40))).map(([t, p, o]) => `${t}-${p}-${o}`),
  fc.constantFrom('orders-01-2', 'orders-1-02', 'orders--1-2', 'orders-1-', '-1-2', 'orders-1-2x', 'orders-1-2-', 'x', '', '1-2', 'orders-1-1e3'),
  fc.string({ maxLength: 8 }),
);

describe('the set of handled origins', () => {
  it('answers exactly as a Set of origin strings would, whether given strings or records', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), origin), { maxLength: 200 }), (ops) => {
        const set = new OriginSet();
        const reference = new Set<string>();
        for (const [add, o] of ops) {
          if (add) {
            // A record-form string is added as a record half the time, the way services do for a
            // record that has no origin header.
            const r = parseRecordOrigin(o);
            if (r && o.length % 2 === 0) set.addRecord(r.topic, r.partition, r.offset);
            else set.add(o);
            reference.add(o);
          }
          expect(set.has(o)).toBe(reference.has(o));
          const r = parseRecordOrigin(o);
          if (r) expect(set.hasRecord(r.topic, r.partition, r.offset)).toBe(reference.has(o));
        }
      }),
    );
  });

  it('reads a record origin back from its string only when that string is the one the record makes', () => {
    expect(parseRecordOrigin('order-stats-3-120')).toEqual({ topic: 'order-stats', partition: 3, offset: 120 });
    for (const s of ['orders-03-1', 'orders-3-', 'orders-3', 'orders-+3-1', 'orders-3-1.5']) expect(parseRecordOrigin(s)).toBeNull();
  });
});

describe('shared record origins', () => {
  it('are the strings recordOrigin spells, whatever order records are asked for in', () => {
    // Offsets within a small range, so slots of the recent-origins cache collide often.
    const ask = fc.tuple(fc.constantFrom('orders', 'order-stats', 'shared-origin-test'), fc.nat(3), fc.oneof(fc.nat(2000), fc.constant(2 ** 40 + 7)));
    fc.assert(
      fc.property(fc.array(ask, { maxLength: 300 }), (asks) => {
        const recent: RecentOrigins = new Map();
        for (const [topic, partition, offset] of asks) expect(sharedRecordOrigin(recent, topic, partition, offset)).toBe(recordOrigin(topic, partition, offset));
      }),
    );
  });

  it('are kept by the engine that built them, and go with it', () => {
    // Two engines running the same fan-out: each keeps its own recent origins.
    const engines = [createEngine({ seed: 1 }), createEngine({ seed: 1 })];
    const recent = engines.map((engine) => {
      engine.apply({ type: 'createTopic', name: 'orders', partitions: 1 });
      engine.apply({ type: 'createTopic', name: 'done', partitions: 1 });
      engine.apply({ type: 'addProducer', id: 'p', topic: 'orders', ratePerSec: 50 });
      engine.apply({ type: 'addService', id: 's', subscribes: ['orders'], handlers: [{ on: '*', emit: [{ topic: 'done', eventType: 'Done' }] }] });
      engine.advance(2000);
      return (engine as unknown as { world: { recentOrigins: RecentOrigins } }).world.recentOrigins;
    });
    expect(recent[0].get('orders')?.[0]).toBeDefined();
    expect(recent[0]).not.toBe(recent[1]);
  });
});
