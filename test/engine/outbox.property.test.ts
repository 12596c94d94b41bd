import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Command, type DatabaseView, type Engine, type KafkaRecord } from '../../src/engine';
import { allRecords, eventsOf } from './helpers';

/**
 * Lesson 18's engine piece: a service that saves a row and publishes an event about it, by dual
 * write or through an outbox. Crashes land at the risky moments (right after the database commit;
 * the relay after publishing, before marking sent), drawn from the seed, and the learner can stop
 * and start the service too. Dual write loses exactly the rows whose process died in between; the
 * outbox publishes every committed row at least once, once the processes are back.
 */

const records = (engine: Engine, topic: string): KafkaRecord[] => {
  const t = engine.view().topics.find((x) => x.name === topic)!;
  return t.partitions.flatMap((p) => allRecords(engine, topic, p.id));
};

/** The order service's instances as its group lists them (crashed ones until their session ends). */
const members = (engine: Engine) => engine.view().groups.find((g) => g.id === 'order-service')?.members ?? [];

const db = (engine: Engine): DatabaseView => engine.view().services.find((s) => s.id === 'order-service')!.database!;

/** checkout (PlaceOrder) → Order service (saves the order, publishes OrderPlaced) → orders → Warehouse. */
function shop(seed: number, mode: 'dualWrite' | 'outbox', crashChance: number, o: { warehouseIdempotent?: boolean; rate?: number } = {}): Engine {
  const engine = createEngine({ seed });
  for (const name of ['checkout', 'orders']) engine.apply({ type: 'createTopic', name, partitions: 2 });
  engine.apply({ type: 'addProducer', id: 'shop', topic: 'checkout', ratePerSec: o.rate ?? 20, keys: { kind: 'random', prefix: 'order-', count: 1000 }, eventType: 'PlaceOrder' });
  engine.apply({
    type: 'addService',
    id: 'order-service',
    subscribes: ['checkout'],
    handlers: [{ on: '*', emit: [{ topic: 'orders', eventType: 'OrderPlaced' }] }],
    processingMs: 10,
    database: mode,
    crashChance,
  });
  engine.apply({ type: 'addService', id: 'warehouse', subscribes: ['orders'], handlers: [{ on: '*' }], processingMs: 5, idempotent: o.warehouseIdempotent ?? false });
  return engine;
}

/** The rows (origins of checkout records) whose OrderPlaced reached `orders`, with copies counted. */
function publishedRows(engine: Engine): Map<string, number> {
  const seen = new Map<string, number>();
  for (const r of records(engine, 'orders')) seen.set(r.headers.origin!, (seen.get(r.headers.origin!) ?? 0) + 1);
  return seen;
}

/** Lets the shop stop and everything settle: restarts, rebalances, the relay's polls. */
function drain(engine: Engine): void {
  engine.apply({ type: 'setProducerRate', id: 'shop', ratePerSec: 0 });
  engine.advance(60_000);
}

/** Learner actions at chosen moments: stop the service for a while, or kill an instance. */
const disruption = fc.record({
  at: fc.integer({ min: 200, max: 5000 }),
  kind: fc.constantFrom('down', 'kill'),
  forMs: fc.integer({ min: 100, max: 3000 }),
});

function play(engine: Engine, until: number, disruptions: { at: number; kind: 'down' | 'kill'; forMs: number }[]): void {
  const plan: { at: number; command: Command }[] = [];
  for (const d of disruptions) {
    if (d.kind === 'down') {
      plan.push({ at: d.at, command: { type: 'setServiceDown', id: 'order-service', down: true } });
      plan.push({ at: d.at + d.forMs, command: { type: 'setServiceDown', id: 'order-service', down: false } });
    } else plan.push({ at: d.at, command: { type: 'crashConsumer', id: '' } });
  }
  plan.sort((a, b) => a.at - b.at);
  for (const step of plan) {
    if (step.at > engine.now) engine.advance(step.at - engine.now);
    if (step.command.type === 'crashConsumer') {
      // Kill the service's first live instance, as the Kill button does.
      const member = engine.view().services.find((s) => s.id === 'order-service')!.members[0];
      if (member !== undefined) engine.apply({ type: 'crashConsumer', id: member });
    } else engine.apply(step.command);
  }
  if (until > engine.now) engine.advance(until - engine.now);
}

describe('a service with a database: dual write and outbox', () => {
  it('dual write without crashes publishes every saved row once', () => {
    const engine = shop(1, 'dualWrite', 0);
    engine.advance(5000);
    const d = db(engine);
    expect(d.rows).toBeGreaterThan(50);
    expect(d.lost).toBe(0);
    expect(d.crashes).toBe(0);
    expect(publishedRows(engine).size).toBe(d.rowsPublished);
    expect([...publishedRows(engine).values()].every((n) => n === 1)).toBe(true);
  });

  it('dual write: a crash right after the commit leaves a saved row that is never published, and the redelivery finds the row and publishes nothing', () => {
    const engine = shop(4, 'dualWrite', 0.1);
    engine.advance(10_000);
    drain(engine);
    const d = db(engine);
    expect(d.crashes).toBeGreaterThan(0);
    expect(d.lost).toBe(d.crashes);
    expect(d.alreadySaved).toBeGreaterThan(0);
    expect(d.rows - publishedRows(engine).size).toBe(d.lost);
    const crashed = eventsOf(engine.trace, 'processCrashed');
    expect(crashed.every((e) => e.point === 'afterDbWrite')).toBe(true);
    expect(eventsOf(engine.trace, 'processed').some((e) => e.outcome === 'alreadySaved')).toBe(true);
    // The platform restarted every crashed instance: the service is running again.
    expect(members(engine).length).toBeGreaterThan(0);
    expect(members(engine).every((m) => m.alive)).toBe(true);
  });

  it('outbox: rows wait in the outbox until the relay publishes them; a relay crash sends them again (duplicates) that an idempotent consumer skips', () => {
    const engine = shop(4, 'outbox', 0.1, { warehouseIdempotent: true });
    engine.advance(10_000);
    drain(engine);
    const d = db(engine);
    expect(d.lost).toBe(0);
    expect(d.pending).toBe(0);
    expect(d.republished).toBeGreaterThan(0);
    expect(eventsOf(engine.trace, 'processCrashed').some((e) => e.point === 'beforeMarkingSent' && e.process === 'order-service.relay')).toBe(true);
    const copies = publishedRows(engine);
    expect(copies.size).toBe(d.rows);
    expect([...copies.values()].reduce((a, b) => a + b, 0)).toBe(d.published);
    const warehouse = engine.view().services.find((s) => s.id === 'warehouse')!;
    expect(warehouse.stats.duplicatesSkipped).toBe(d.published - d.rows);
  });

  it('a stopped service keeps its outbox; the relay publishes what piled up once it is started again', () => {
    const engine = shop(2, 'outbox', 0);
    engine.advance(200);
    engine.apply({ type: 'setServiceDown', id: 'order-service', down: true });
    const pendingWhenStopped = db(engine).pending;
    engine.advance(5000);
    expect(db(engine).pending).toBe(pendingWhenStopped);
    engine.apply({ type: 'setServiceDown', id: 'order-service', down: false });
    engine.advance(5000);
    drain(engine);
    expect(db(engine).pending).toBe(0);
    expect(publishedRows(engine).size).toBe(db(engine).rows);
  });

  it('refuses an unknown database mode or a crash chance outside 0..1, and changes nothing', () => {
    const engine = createEngine({ seed: 1 });
    engine.apply({ type: 'createTopic', name: 'checkout', partitions: 1 });
    const base = { type: 'addService' as const, id: 's', subscribes: ['checkout'] };
    expect(() => engine.apply({ ...base, database: 'twoPhase' as never })).toThrow(/dualWrite|outbox/);
    expect(() => engine.apply({ ...base, database: 'outbox', crashChance: 1.5 })).toThrow(/crashChance/);
    expect(engine.view().services).toHaveLength(0);
  });

  it('a service without a database shows none and draws nothing more from the seed', () => {
    const withField = shop(3, 'outbox', 0);
    expect(db(withField)).toBeDefined();
    const plain = createEngine({ seed: 3 });
    plain.apply({ type: 'createTopic', name: 'checkout', partitions: 1 });
    plain.apply({ type: 'addService', id: 'x', subscribes: ['checkout'] });
    expect(plain.view().services[0].database).toBeUndefined();
  });

  it('property: with an outbox, for any crash points and stops, every committed row is published at least once after the restarts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.array(disruption, { maxLength: 3 }), (seed, crashChance, disruptions) => {
        const engine = shop(seed, 'outbox', crashChance, { rate: 10 });
        play(engine, 6000, disruptions);
        // Whatever is down comes back (the learner starts it again); then everything settles.
        engine.apply({ type: 'setServiceDown', id: 'order-service', down: false });
        for (const m of members(engine)) if (!m.alive) engine.apply({ type: 'restartConsumer', id: m.id });
        drain(engine);
        const d = db(engine);
        const copies = publishedRows(engine);
        expect(d.lost).toBe(0);
        expect(d.pending).toBe(0);
        expect(copies.size).toBe(d.rows);
        expect(d.rowsPublished).toBe(d.rows);
        expect([...copies.values()].reduce((a, b) => a + b, 0)).toBe(d.published);
      }),
      { numRuns: 25 },
    );
  });

  it('property: with dual write, lost = rows saved − rows published, and each crash after a commit loses one row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.array(disruption, { maxLength: 3 }), (seed, crashChance, disruptions) => {
        const engine = shop(seed, 'dualWrite', crashChance, { rate: 10 });
        play(engine, 6000, disruptions);
        engine.apply({ type: 'setServiceDown', id: 'order-service', down: false });
        drain(engine);
        const d = db(engine);
        const copies = publishedRows(engine);
        expect(d.lost).toBe(d.rows - copies.size);
        expect(d.lost).toBe(d.rows - d.rowsPublished);
        expect(d.lost).toBe(d.crashes);
        // Dual write never publishes a row twice: a redelivered record finds its row and stops.
        expect([...copies.values()].every((n) => n === 1)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('is deterministic from the seed', () => {
    const a = shop(9, 'outbox', 0.2);
    const b = shop(9, 'outbox', 0.2);
    a.advance(8000);
    b.advance(8000);
    expect(db(a)).toEqual(db(b));
    expect(a.trace.length).toBe(b.trace.length);
  });
});
