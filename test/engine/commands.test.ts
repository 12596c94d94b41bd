import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, type Command } from '../../src/engine';
import { engineWithTopic } from './helpers';

function expectRefused(run: () => void, code: string, message?: RegExp) {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe(code);
    if (message) expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected the engine to refuse with ${code}`);
}

describe('bad input is refused with a typed error and changes nothing', () => {
  const refusals: [string, Command | unknown, string][] = [
    ['a command of unknown type', { type: 'launchRocket' }, 'UNKNOWN_COMMAND'],
    ['a command that is not an object', 42, 'UNKNOWN_COMMAND'],
    ['producing to an unknown topic', { type: 'produce', topic: 'nope', key: 'k' }, 'UNKNOWN_TOPIC'],
    ['a topic with zero partitions', { type: 'createTopic', name: 'empty', partitions: 0 }, 'INVALID_ARGUMENT'],
    ['a topic with an invalid name', { type: 'createTopic', name: 'bad name!', partitions: 1 }, 'INVALID_ARGUMENT'],
    ['a second topic with the same name', { type: 'createTopic', name: 'orders', partitions: 1 }, 'TOPIC_EXISTS'],
    ['a replication factor above the broker count', { type: 'createTopic', name: 'x', partitions: 1, replicationFactor: 4 }, 'INVALID_ARGUMENT'],
    ['shrinking a topic', { type: 'addPartitions', topic: 'orders', partitions: 2 }, 'INVALID_ARGUMENT'],
    ['failing a broker that does not exist', { type: 'failBroker', broker: 7 }, 'UNKNOWN_BROKER'],
    ['a consumer of an unknown topic', { type: 'addConsumer', id: 'c', group: 'g', topics: ['nope'] }, 'UNKNOWN_TOPIC'],
    ['an unknown assignor', { type: 'addConsumer', id: 'c', group: 'g', topics: ['orders'], assignor: 'random' }, 'INVALID_ARGUMENT'],
    ['crashing an unknown consumer', { type: 'crashConsumer', id: 'ghost' }, 'UNKNOWN_CONSUMER'],
    ['resetting offsets of an unknown group', { type: 'resetOffsets', group: 'g', topic: 'orders', to: 'earliest' }, 'UNKNOWN_GROUP'],
    ['acks=1 with idempotence', { type: 'addProducer', id: 'p', topic: 'orders', acks: 1, idempotent: true }, 'INVALID_ARGUMENT'],
    ['a failure rate above 1', { type: 'addService', id: 's', subscribes: ['orders'], failureRate: 2 }, 'INVALID_ARGUMENT'],
    ['a sync call to an unknown service', { type: 'addSyncService', id: 'a', calls: ['b'] }, 'UNKNOWN_SERVICE'],
    ['a command holding a function', { type: 'produce', topic: 'orders', value: () => 1 }, 'INVALID_ARGUMENT'],
  ];

  it.each(refusals)('refuses %s', (_name, command, code) => {
    const engine = engineWithTopic();
    engine.apply({ type: 'produce', topic: 'orders', key: 'a', value: 1 });
    engine.advance(100);
    const before = JSON.stringify(engine.view());
    const logLength = engine.commandLog.length;
    expectRefused(() => engine.apply(command as Command), code);
    expect(JSON.stringify(engine.view())).toBe(before);
    expect(engine.commandLog.length).toBe(logLength);
  });

  it('refuses to move the clock backwards, with a message that says how to go back', () => {
    const engine = createEngine();
    engine.advance(10);
    expectRefused(() => engine.advance(-1), 'NEGATIVE_TIME');
    expectRefused(() => engine.advanceTo(5), 'NEGATIVE_TIME', /rebuildAt/);
    expect(engine.now).toBe(10);
  });

  it('refuses an invalid configuration before creating anything', () => {
    expectRefused(() => createEngine({ brokers: 0 }), 'INVALID_CONFIG');
    expectRefused(() => createEngine({ seed: 1.5 }), 'INVALID_CONFIG');
  });

  it('keeps a frozen copy of each accepted command, so later edits by the caller change nothing', () => {
    const engine = engineWithTopic();
    const command = { type: 'produce' as const, topic: 'orders', key: 'a', value: { n: 1 } };
    engine.apply(command);
    command.value.n = 99;
    const logged = engine.commandLog.at(-1)!.command as typeof command;
    expect(logged.value.n).toBe(1);
    expect(Object.isFrozen(logged.value)).toBe(true);
  });
});

describe('the agenda', () => {
  it('runs events in time order and stops the clock exactly where asked', () => {
    const engine = engineWithTopic();
    engine.apply({ type: 'produce', topic: 'orders', key: 'a', value: 1 });
    const events = engine.advance(1000);
    const times = events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(engine.now).toBe(1000);
  });

  it('step() runs exactly one agenda event and reports what it did', () => {
    const engine = engineWithTopic();
    engine.apply({ type: 'produce', topic: 'orders', key: 'a', value: 1 });
    const before = engine.eventsRun;
    engine.step();
    expect(engine.eventsRun).toBe(before + 1);
    const idle = createEngine();
    expect(idle.step()).toEqual([]);
  });
});
