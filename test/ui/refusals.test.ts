import { describe, expect, test } from 'vitest';
import { createEngine, ENGINE_ERROR_CODES, EngineError, type Command, type EngineErrorCode, type EngineErrorParams } from '../../src/engine';
import { createI18n, loadLang } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { REFUSAL_KEYS, refusalMessage } from '../../src/i18n/refusals';
import { TEMPLATES, type Scenario } from '../../src/scenario';
import { createKafeStore } from '../../src/store';
import { seekNow } from '../support/replay';

// Thai is a chunk of its own in the app (loadLang); `thai` below is made with it loaded.
await loadLang('th');

/** Makes the engine refuse something with `code`, and returns the refusal it threw. */
const TRIGGERS: Record<EngineErrorCode, () => void> = {
  UNKNOWN_COMMAND: () => engine().apply({ type: 'teleport' } as unknown as Command),
  INVALID_ARGUMENT: () => engine().apply({ type: 'createTopic', name: 'no spaces allowed', partitions: 1 }),
  UNKNOWN_TOPIC: () => engine().apply({ type: 'addProducer', id: 'p', topic: 'missing' }),
  TOPIC_EXISTS: () => engine().apply({ type: 'createTopic', name: 'orders', partitions: 1 }),
  UNKNOWN_BROKER: () => engine().apply({ type: 'failBroker', broker: 9 }),
  UNKNOWN_PRODUCER: () => engine().apply({ type: 'removeProducer', id: 'ghost' }),
  UNKNOWN_CONSUMER: () => engine().apply({ type: 'crashConsumer', id: 'ghost' }),
  UNKNOWN_GROUP: () => engine().apply({ type: 'resetOffsets', group: 'ghost', topic: 'orders', to: 'earliest' }),
  UNKNOWN_SERVICE: () => engine().apply({ type: 'scaleService', id: 'ghost', instances: 2 }),
  GROUP_NOT_EMPTY: () => {
    const e = engine();
    e.apply({ type: 'addConsumer', id: 'c', group: 'busy', topics: ['orders'] });
    e.apply({ type: 'resetOffsets', group: 'busy', topic: 'orders', to: 'earliest' });
  },
  DUPLICATE_ID: () => engine().apply({ type: 'addProducer', id: 'shop', topic: 'orders' }),
  NEGATIVE_TIME: () => engine().advance(-5),
  INVALID_CONFIG: () => createEngine({ brokers: 0 }),
};

function engine() {
  const e = createEngine();
  e.apply({ type: 'createTopic', name: 'orders', partitions: 2 });
  e.apply({ type: 'addProducer', id: 'shop', topic: 'orders' });
  return e;
}

function refusalOf(code: EngineErrorCode): EngineError {
  try {
    TRIGGERS[code]();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error(`nothing was refused for ${code}`);
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const english = createI18n('en');
const thai = createI18n('th');

describe('engine refusals in the learner’s language', () => {
  test.each([...ENGINE_ERROR_CODES])('%s is worded from its params in English and Thai, without the engine’s English', (code) => {
    const error = refusalOf(code);
    expect(error.code).toBe(code);
    const params = error.params as EngineErrorParams;
    // The message uses exactly the params the engine gives for this code.
    expect(placeholders(en[REFUSAL_KEYS[code]])).toEqual(Object.keys(params).sort());
    for (const i18n of [english, thai]) {
      const text = refusalMessage((key, vars) => i18n.t(key, vars), { code, params });
      expect(text).not.toMatch(/\{\{|\}\}/);
      for (const value of Object.values(params)) expect(text).toContain(String(value));
      expect(text).not.toBe(error.message);
    }
    expect(refusalMessage((key, vars) => thai.t(key, vars), { code, params })).toMatch(/[\u0E00-\u0E7F]/);
  });

  test('every code has its own message key', () => {
    const keys = ENGINE_ERROR_CODES.map((code) => REFUSAL_KEYS[code]);
    expect(new Set(keys).size).toBe(ENGINE_ERROR_CODES.length);
  });

  test('a refused learner action keeps its code and params in the notice, and shows in Thai in the Thai UI', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    expect(store.getState().run({ type: 'crashConsumer', id: 'nobody' })).toBe(false);
    const notice = store.getState().notice!;
    expect(notice).toMatchObject({ kind: 'error', key: 'notice.commandRefused', refusal: { code: 'UNKNOWN_CONSUMER', params: { id: 'nobody' } } });
    expect(notice.detail).toBeUndefined();
    expect(refusalMessage((key, vars) => thai.t(key, vars), notice.refusal!)).toBe('consumer “nobody” ไม่อยู่ในการจำลองแล้ว');
  });
});

describe('recorded actions that no longer apply', () => {
  test('are skipped on playback with a notice that says how many, which and when', () => {
    const start = TEMPLATES.orderFanOut.build();
    // Where a learner's actions at 300 and 400 ms are recorded (how many events had run by then),
    // so the edited recording below differs only in what it does.
    const recordedAt = (t: number) => {
      const recorder = createKafeStore(start);
      seekNow(recorder, t);
      recorder.getState().run({ type: 'failBroker', broker: 0 });
      return recorder.getState().scenario.timeline.at(-1)!.afterEvents;
    };
    const scenario: Scenario = {
      ...start,
      timeline: [
        { at: 300, afterEvents: recordedAt(300), command: { type: 'crashConsumer', id: 'ghost' } },
        { at: 400, afterEvents: recordedAt(400), command: { type: 'failBroker', broker: 7 } },
      ],
    };
    const store = createKafeStore(scenario);
    expect(store.getState().notice).toBeNull();
    seekNow(store, 1000);
    expect(store.getState().frame.now).toBe(1000);
    expect(store.getState().notice).toMatchObject({
      kind: 'info',
      key: 'notice.timelineDropped',
      params: { count: 2, command: 'crashConsumer', at: 300 },
      refusal: { code: 'UNKNOWN_CONSUMER', params: { id: 'ghost' } },
    });
    expect(english.t('notice.timelineDropped', store.getState().notice!.params)).toBe(
      '2 recorded action(s) no longer apply and were skipped (the first: crashConsumer at 300 ms).',
    );
    // The recording itself is kept: the learner's work is never rewritten behind their back.
    expect(store.getState().scenario.timeline).toHaveLength(2);
  });

  test('saved with event counts another engine version ran (or edited by hand) still play, each at its time', () => {
    // The counts say how many agenda events ran before each action; this engine runs a different
    // number by then (0 is far too few, a million far too many). Neither drops nor breaks a step.
    for (const afterEvents of [0, 1_000_000]) {
      const scenario: Scenario = {
        ...TEMPLATES.orderFanOut.build(),
        timeline: [
          { at: 300, afterEvents, command: { type: 'failBroker', broker: 0 } },
          { at: 700, afterEvents, command: { type: 'recoverBroker', broker: 0 } },
          { at: 900, afterEvents, command: { type: 'failBroker', broker: 1 } },
        ],
      };
      const store = createKafeStore(scenario);
      seekNow(store, 500);
      expect(store.getState().frame.view.brokers.map((b) => b.up), `counts ${afterEvents}`).toEqual([false, true, true]);
      seekNow(store, 1000);
      expect(store.getState().frame.now).toBe(1000);
      expect(store.getState().frame.view.brokers.map((b) => b.up), `counts ${afterEvents}`).toEqual([true, false, true]);
      expect(store.getState().notice, `counts ${afterEvents}`).toBeNull();
    }
  });

  test('leave no notice when every recorded action applies', () => {
    const store = createKafeStore(TEMPLATES.orderFanOut.build());
    seekNow(store, 500);
    expect(store.getState().run({ type: 'failBroker', broker: 0 })).toBe(true);
    seekNow(store, 0);
    seekNow(store, 2000);
    expect(store.getState().notice).toBeNull();
  });
});
