import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, type Engine, type KafkaRecord } from '../../src/engine';
import { allRecords, eventsOf } from './helpers';

/**
 * Schema evolution's engine piece: producers stamp their writer schema id on every record, and a
 * service with a reader schema is told which ids it can resolve (readableSchemaIds: data computed
 * by avsc outside the engine). A record it cannot read goes to the dead-letter topic, or is
 * dropped, and is counted; everything else is processed as before.
 */

const records = (engine: Engine, topic: string): KafkaRecord[] => {
  const t = engine.view().topics.find((x) => x.name === topic)!;
  return t.partitions.flatMap((p) => allRecords(engine, topic, p.id));
};

/** Two producers on orders, writing with schema 1 and schema 2; Billing reads the ids it is told. */
function billing(seed: number, o: { readable?: number[]; dlt?: boolean; rateOld?: number; rateNew?: number }): Engine {
  const engine = createEngine({ seed });
  for (const name of ['orders', 'invoices', 'orders-dlt']) engine.apply({ type: 'createTopic', name, partitions: 2 });
  engine.apply({ type: 'addProducer', id: 'old-shop', topic: 'orders', ratePerSec: o.rateOld ?? 10, keys: { kind: 'random', prefix: 'o-', count: 20 }, eventType: 'OrderPlaced', schemaId: 1 });
  engine.apply({ type: 'addProducer', id: 'new-shop', topic: 'orders', ratePerSec: o.rateNew ?? 10, keys: { kind: 'random', prefix: 'o-', count: 20 }, eventType: 'OrderPlaced', schemaId: 2 });
  engine.apply({
    type: 'addService',
    id: 'billing',
    subscribes: ['orders'],
    handlers: [{ on: '*', emit: [{ topic: 'invoices', eventType: 'Invoiced' }] }],
    ...(o.readable ? { readableSchemaIds: o.readable } : {}),
    ...(o.dlt ? { deadLetterTopic: 'orders-dlt' } : {}),
  });
  return engine;
}

const view = (engine: Engine) => engine.view().services.find((s) => s.id === 'billing')!;

describe('records a reader schema cannot read', () => {
  it('stamps the writer schema id on every generated record', () => {
    const engine = billing(1, {});
    engine.advance(1000);
    const ids = new Set(records(engine, 'orders').map((r) => r.headers.schemaId));
    expect(ids).toEqual(new Set(['1', '2']));
  });

  it('go to the dead-letter topic with the reason, and are counted; the readable ones are processed', () => {
    const engine = billing(2, { readable: [1], dlt: true });
    engine.advance(3000);
    const dead = records(engine, 'orders-dlt');
    expect(dead.length).toBeGreaterThan(5);
    for (const r of dead) {
      expect(r.headers.schemaId).toBe('2');
      expect(r.headers.error).toBe('could not deserialise');
    }
    const v = view(engine);
    expect(v.undeserialisable).toBe(dead.length);
    expect(v.stats.deadLettered).toBe(dead.length);
    expect(records(engine, 'invoices')).toHaveLength(v.stats.processed);
    expect(v.stats.processed).toBeGreaterThan(5);
  });

  it('are dropped and counted without a dead-letter topic, and the partition moves on', () => {
    const engine = billing(3, { readable: [1] });
    engine.advance(3000);
    const v = view(engine);
    const skipped = eventsOf(engine.trace, 'processed').filter((e) => e.outcome === 'undeserialisable');
    expect(skipped.length).toBe(v.undeserialisable);
    expect(v.undeserialisable).toBeGreaterThan(5);
    expect(v.stats.dropped).toBe(0);
    const lag = Object.values(engine.view().groups.find((g) => g.id === 'billing')!.lag).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(lag).toBeLessThan(20);
  });

  it('do not exist for a service without a reader schema: no counter in its view', () => {
    const engine = billing(4, {});
    engine.advance(2000);
    expect('undeserialisable' in view(engine)).toBe(false);
    expect(records(engine, 'invoices').length).toBe(view(engine).stats.processed);
  });

  it('refuses a schema id that is not a whole number from 1', () => {
    const engine = createEngine({ seed: 1 });
    engine.apply({ type: 'createTopic', name: 'orders', partitions: 1 });
    expect(() => engine.apply({ type: 'addProducer', id: 'p', topic: 'orders', schemaId: 0 })).toThrow(EngineError);
    expect(() => engine.apply({ type: 'addService', id: 's', subscribes: ['orders'], readableSchemaIds: [1.5] })).toThrow(EngineError);
  });

  it('property: each delivered record is either processed or undeserialisable, and exactly the unreadable ids are', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.subarray([1, 2]),
        fc.boolean(),
        (seed, readable, dlt) => {
          const engine = billing(seed, { readable, dlt, rateOld: 7, rateNew: 5 });
          engine.advance(1500);
          const outcomes = eventsOf(engine.trace, 'processed').filter((e) => e.service === 'billing');
          const byOutcome = (kind: string) => outcomes.filter((e) => e.outcome === kind).length;
          const v = view(engine);
          expect(byOutcome('ok')).toBe(v.stats.processed);
          expect(v.undeserialisable).toBe(dlt ? byOutcome('deadLettered') : byOutcome('undeserialisable'));
          expect(v.stats.processed + (v.undeserialisable ?? -1)).toBe(outcomes.length);
          if (dlt) for (const r of records(engine, 'orders-dlt')) expect(readable).not.toContain(Number(r.headers.schemaId));
          const orders = new Map(records(engine, 'orders').map((r) => [`${r.partition}-${r.offset}`, r.headers.schemaId]));
          for (const e of outcomes) expect(readable.includes(Number(orders.get(`${e.partition}-${e.offset}`)))).toBe(e.outcome === 'ok');
        },
      ),
      { numRuns: 25 },
    );
  });
});
