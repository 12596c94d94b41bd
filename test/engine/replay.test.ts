import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine';

/** A busy scenario touching every subsystem, so determinism is tested where it is hardest. */
function busyScenario(seed: number): Engine {
  const engine = createEngine({ seed, brokers: 3, brokerSessionTimeoutMs: 500 });
  engine.apply({ type: 'createTopic', name: 'orders', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 });
  engine.apply({ type: 'createTopic', name: 'emails', partitions: 3, replicationFactor: 2 });
  engine.apply({ type: 'addProducer', id: 'shop', topic: 'orders', ratePerSec: 300, keys: { kind: 'random', prefix: 'c', count: 50 }, eventType: 'OrderPlaced' });
  engine.apply({ type: 'addProducer', id: 'noise', topic: 'orders', ratePerSec: 50 });
  engine.apply({ type: 'addService', id: 'email', subscribes: ['orders'], failureRate: 0.1, maxAttempts: 2, handlers: [{ on: 'OrderPlaced', emit: [{ topic: 'emails', eventType: 'EmailSent' }] }] });
  engine.apply({ type: 'addConsumer', id: 'a1', group: 'analytics', topics: ['orders'], assignor: 'sticky' });
  engine.advance(1000);
  engine.apply({ type: 'addConsumer', id: 'a2', group: 'analytics', topics: ['orders'], assignor: 'sticky' });
  engine.advance(700);
  engine.apply({ type: 'failBroker', broker: 1 });
  engine.advance(1300);
  engine.apply({ type: 'crashConsumer', id: 'a1' });
  engine.apply({ type: 'recoverBroker', broker: 1 });
  engine.advance(2000);
  return engine;
}

const fingerprint = (engine: Engine) => JSON.stringify({ trace: engine.trace, view: engine.view() });

describe('determinism and replay', () => {
  it('produces the identical trace for the same seed and commands', () => {
    expect(fingerprint(busyScenario(42))).toBe(fingerprint(busyScenario(42)));
  });

  it('produces a different run for a different seed', () => {
    expect(fingerprint(busyScenario(42))).not.toBe(fingerprint(busyScenario(43)));
  });

  it('rebuilds the exact state and trace of any earlier moment from the command log ("step back")', () => {
    const engine = busyScenario(9);
    const reference = busyScenario(9);
    for (const t of [0, 500, 1000, 1700, 2999, 3000, 5000]) {
      const rebuilt = engine.rebuildAt(t);
      expect(rebuilt.now).toBe(t);
      const expectedTrace = reference.trace.filter((e) => e.t <= t);
      expect(JSON.stringify(rebuilt.trace)).toBe(JSON.stringify(expectedTrace));
    }
    expect(fingerprint(engine.rebuildAt(engine.now))).toBe(fingerprint(engine));
  });

  it('replays commands applied between two events of the same millisecond at exactly that point', () => {
    const engine = createEngine({ seed: 5 });
    engine.apply({ type: 'createTopic', name: 't', partitions: 2 });
    engine.apply({ type: 'addProducer', id: 'p', topic: 't', ratePerSec: 100, lingerMs: 0 });
    engine.advance(95);
    engine.step();
    engine.apply({ type: 'produce', topic: 't', key: 'x', value: 'between' });
    engine.step();
    engine.advance(50);
    expect(fingerprint(engine.rebuildAt(engine.now))).toBe(fingerprint(engine));
  });

  it('applies every command of a timeline saved by an engine version that ran a different number of events, at its time, the clock never going back', () => {
    // A saved timeline counts agenda events (afterEvents) as the engine of its day ran them; a
    // later engine may run fewer or more. Each command still applies, at its recorded time.
    const original = busyScenario(9);
    for (const shift of [-1_000_000, -40, 40, 1_000_000]) {
      const replay = createEngine({ seed: 9, brokers: 3, brokerSessionTimeoutMs: 500 });
      let last = 0;
      let backwards = 0;
      replay.subscribe((e) => {
        if (e.t < last) backwards++;
        last = e.t;
      });
      for (const entry of original.commandLog) replay.applyLogged({ ...entry, afterEvents: Math.max(0, entry.afterEvents + shift) });
      replay.advanceTo(original.now);
      expect(replay.commandLog.map((e) => [e.at, e.command.type]), `shift ${shift}`).toEqual(original.commandLog.map((e) => [e.at, e.command.type]));
      expect(backwards, `shift ${shift}`).toBe(0);
    }
  });

  it('refuses to rebuild a moment in the future', () => {
    const engine = createEngine();
    engine.advance(10);
    expect(() => engine.rebuildAt(11)).toThrow(/rebuildAt/);
  });

  it('notifies subscribers of every trace event as it happens, until they unsubscribe', () => {
    const engine = createEngine();
    const seen: string[] = [];
    const stop = engine.subscribe((e) => seen.push(e.type));
    engine.apply({ type: 'createTopic', name: 't', partitions: 1 });
    engine.apply({ type: 'produce', topic: 't', key: 'k', value: 1 });
    engine.advance(100);
    expect(seen).toEqual(engine.trace.map((e) => e.type));
    stop();
    engine.apply({ type: 'produce', topic: 't', key: 'k', value: 2 });
    engine.advance(100);
    expect(seen.length).toBeLessThan(engine.trace.length);
  });
});
