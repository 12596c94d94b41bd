import { describe, expect, it } from 'vitest';
import { canConnect, CONNECTION_REFUSALS, type ConnectionRefusal } from '../../src/scenario';
import { scenarioOf } from './helpers';

// One node of each kind (ids producer-1, topic-1, ...) plus a second of each flow kind.
const s = scenarioOf(['producer', 'topic', 'service', 'consumer', 'broker', 'producer', 'topic', 'service', 'consumer']);

const table: [string, string, 'ok' | ConnectionRefusal][] = [
  ['producer-1', 'topic-1', 'ok'],
  ['service-1', 'topic-1', 'ok'],
  ['topic-1', 'service-1', 'ok'],
  ['topic-1', 'consumer-1', 'ok'],
  ['producer-1', 'producer-1', 'selfLoop'],
  ['topic-1', 'topic-1', 'selfLoop'],
  ['topic-1', 'topic-2', 'topicToTopic'],
  ['producer-1', 'consumer-1', 'producerToReader'],
  ['producer-1', 'service-1', 'producerToReader'],
  ['consumer-1', 'topic-1', 'readerNeedsTopic'],
  ['consumer-1', 'service-1', 'readerNeedsTopic'],
  ['consumer-1', 'consumer-2', 'readerNeedsTopic'],
  ['consumer-1', 'producer-1', 'readerNeedsTopic'],
  ['broker-1', 'topic-1', 'brokerNotConnectable'],
  ['topic-1', 'broker-1', 'brokerNotConnectable'],
  ['producer-1', 'broker-1', 'brokerNotConnectable'],
  ['topic-1', 'producer-1', 'topicToProducer'],
  ['service-1', 'producer-1', 'intoProducer'],
  ['producer-1', 'producer-2', 'intoProducer'],
  ['service-1', 'service-2', 'serviceToService'],
  ['service-1', 'consumer-1', 'serviceToConsumer'],
  ['producer-1', 'nowhere', 'unknownNode'],
  ['nowhere', 'topic-1', 'unknownNode'],
];

describe('which arrows may be drawn', () => {
  it.each(table)('%s → %s: %s', (source, target, expected) => {
    expect(canConnect(s, source, target)).toEqual(expected === 'ok' ? { ok: true } : { ok: false, reason: expected });
  });

  it('refuses the same arrow twice', () => {
    const once = { ...s, edges: [{ id: 'e', source: 'producer-1', target: 'topic-1' }] };
    expect(canConnect(once, 'producer-1', 'topic-1')).toEqual({ ok: false, reason: 'duplicate' });
    expect(canConnect(once, 'producer-2', 'topic-1')).toEqual({ ok: true });
  });

  it('refuses an arrow that would send events round in a loop', () => {
    const chain = {
      ...s,
      edges: [
        { id: 'a', source: 'topic-1', target: 'service-1' },
        { id: 'b', source: 'service-1', target: 'topic-2' },
        { id: 'c', source: 'topic-2', target: 'service-2' },
      ],
    };
    expect(canConnect(chain, 'service-2', 'topic-1')).toEqual({ ok: false, reason: 'cycle' });
    expect(canConnect(chain, 'service-1', 'topic-1')).toEqual({ ok: false, reason: 'cycle' });
    expect(canConnect(chain, 'topic-2', 'service-1')).toEqual({ ok: false, reason: 'cycle' });
    expect(canConnect(chain, 'topic-1', 'service-2')).toEqual({ ok: true });
  });

  it('uses only codes from CONNECTION_REFUSALS, and the table covers every code', () => {
    const used = new Set<string>([...table.map(([, , r]) => r), 'duplicate', 'cycle']);
    used.delete('ok');
    expect([...used].sort()).toEqual([...CONNECTION_REFUSALS].sort());
  });
});
