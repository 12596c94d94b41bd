import fc from 'fast-check';
import LZString from 'lz-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/bootstrap';
import { PROGRESS_KEY } from '../../src/lessons/progress';
import { parseProgress } from '../../src/lessons/progressSchema';
import { READ_REASONS, scenarioToJson, TEMPLATES, type Result } from '../../src/scenario';
import { decodeShareFragment, parseScenarioJson, scenarioSchema, validateScenario } from '../../src/scenario/validate';
import { CORRUPT_KEY, SAVE_KEY, createKafeStore, loadValidation, createProgressStore, restoreSaved, snapshot } from '../../src/store';
import { MAX_RESTORE_MS } from '../../src/store/budget';
import { MemoryStorage, storageWithSave, fakeWindow } from '../support/storage';
import { hostile, prototypePolluted, Tally, type Hostile } from './hostile';

// Reading saved or linked text needs the validation module, which the app loads lazily.
beforeAll(async () => {
  await loadValidation();
});

/**
 * The fuzz suite of issue 10: every way a scenario (or other saved state) enters Kafé, fed random
 * JSON, deep nesting, huge numbers and strings, wrong versions and prototype-pollution keys. Each
 * input must give a typed refusal (a reason from READ_REASONS and a sentence) or a valid scenario;
 * nothing may throw, pollute Object.prototype, or take unbounded time. The per-input limit is
 * deliberately generous (it catches a freeze, not a slowdown); the bound itself comes from the
 * size and nesting checks, which refuse before anything recursive runs.
 */
const LIMIT_MS = 10_000;
/** Whole properties run hundreds of inputs on a shared machine: give each test room. */
const TEST_MS = 300_000;
const tally = new Tally();

function expectTyped<T>(r: Result<T>, input: Hostile, valid: (v: T) => boolean): void {
  if (r.ok) expect(valid(r.value), `${input.kind} accepted but invalid`).toBe(true);
  else {
    expect(READ_REASONS).toContain(r.reason);
    expect(r.error.length).toBeGreaterThan(0);
    // A refusal names the problem in a sentence, never by echoing a huge input back.
    expect(r.error.length).toBeLessThan(1000);
  }
  expect(prototypePolluted()).toBe(false);
}

const validScenario = (v: unknown) => scenarioSchema.safeParse(v).success;

/** A hand-made share link for `text` (no checksum), as a page address would carry it. */
const linkFor = (text: string) => `#s=${LZString.compressToEncodedURIComponent(text)}`;

afterAll(() => {
  console.log(`Hostile inputs per channel (issue 10):\n${tally.report()}`);
});

describe('every reader refuses hostile input with a typed error, never an exception', () => {
  it('JSON import text (parseScenarioJson)', () => {
    fc.assert(
      fc.property(hostile, (input) => tally.attempt('JSON import text', input, LIMIT_MS, () => expectTyped(parseScenarioJson(input.text), input, validScenario))),
      { numRuns: 300 },
    );
  }, TEST_MS);

  it('already-parsed data (validateScenario), including values JSON cannot express', () => {
    const cyclic: Record<string, unknown> = { version: 1 };
    cyclic.nodes = [cyclic];
    const deep: unknown[] = [];
    let cursor = deep;
    for (let i = 0; i < 100_000; i++) cursor = (cursor[0] = []) as unknown[];
    const extra: Hostile[] = [
      { kind: 'deep nesting', text: 'cyclic' },
      { kind: 'deep nesting', text: 'array 100k levels built in code' },
    ];
    for (const [input, value] of [
      [extra[0], cyclic],
      [extra[1], { ...JSON.parse(scenarioToJson(TEMPLATES.empty.build())), name: deep }],
    ] as const)
      tally.attempt('validateScenario (parsed data)', input, LIMIT_MS, () => expectTyped(validateScenario(value), input, validScenario));
    fc.assert(
      fc.property(hostile, (input) => {
        let raw: unknown;
        try {
          raw = JSON.parse(input.text);
        } catch {
          return; // not JSON: that is parseScenarioJson's case
        }
        tally.attempt('validateScenario (parsed data)', input, LIMIT_MS, () => expectTyped(validateScenario(raw), input, validScenario));
      }),
      { numRuns: 200 },
    );
  }, TEST_MS);

  it('share fragment (decodeShareFragment): hostile JSON inside a well-formed link, and broken links', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (input, withChecksum) => {
        const link = linkFor(input.text);
        const hash = withChecksum ? `#c=bogus&${link.slice(1)}` : link;
        tally.attempt('share fragment', input, LIMIT_MS, () => expectTyped(decodeShareFragment(hash), input, validScenario));
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (garbage) => {
        const input: Hostile = { kind: 'random text', text: garbage };
        tally.attempt('share fragment', input, LIMIT_MS, () => expectTyped(decodeShareFragment(`#s=${garbage}`), input, validScenario));
      }),
      { numRuns: 300 },
    );
  }, TEST_MS);

  it('kafe.scenario (restoreSaved): an unreadable save is reported and copied aside, never lost', () => {
    fc.assert(
      fc.property(hostile, (input) =>
        tally.attempt('localStorage kafe.scenario', input, LIMIT_MS, () => {
          const storage = storageWithSave(input.text);
          const restored = restoreSaved(storage);
          if (restored.kind === 'ok') expect(validScenario(restored.scenario)).toBe(true);
          else {
            expect(restored.kind).toBe('corrupt');
            if (restored.kind === 'corrupt') expect(READ_REASONS).toContain(restored.reason);
            expect(storage.getItem(CORRUPT_KEY)).toBe(input.text);
          }
          expect(storage.getItem(SAVE_KEY)).toBe(input.text);
        }),
      ),
      { numRuns: 300 },
    );
  }, TEST_MS);

  it('start-up (bootstrap) with a hostile save and a hostile link in the address: the app starts, says why, keeps the save', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom('save', 'link'), (input, where) => {
        const hash = where === 'link' ? linkFor(input.text) : '';
        tally.attempt(`start-up with hostile ${where}`, input, LIMIT_MS, () => {
          const own = { ...TEMPLATES.iotStream.build(), name: 'My own canvas' };
          const storage = storageWithSave(where === 'save' ? input.text : scenarioToJson(own));
          const { store, stop } = bootstrap(fakeWindow(storage, hash).win);
          const state = store.getState();
          expect(validScenario(state.scenario)).toBe(true);
          // However far ahead a save or link says it was, opening replays at most the limit.
          expect(snapshot(state).time).toBeLessThanOrEqual(MAX_RESTORE_MS);
          if (state.notice?.kind === 'error') expect(READ_REASONS).toContain(state.notice.reason);
          if (where === 'link' && state.notice?.kind === 'error') expect(state.scenario.name).toBe('My own canvas');
          if (where === 'save' && state.notice?.kind === 'error') expect(storage.getItem(CORRUPT_KEY)).toBe(input.text);
          stop();
          expect(prototypePolluted()).toBe(false);
        });
      }),
      { numRuns: 40 },
    );
  }, TEST_MS);

  it('kafe.lessons.progress (parseProgress)', () => {
    const progressLike = hostile.map((h) => ({ ...h, text: h.text.replace('"version":1', '"version":1,"current":null,"open":true,"lessons":{"l":{"step":0,"done":[],"predictions":{},"completed":false}}') }));
    fc.assert(
      fc.property(fc.oneof(hostile, progressLike), (input) =>
        tally.attempt('localStorage kafe.lessons.progress', input, LIMIT_MS, () => expectTyped(parseProgress(input.text), input, () => true)),
      ),
      { numRuns: 300 },
    );
  }, TEST_MS);
});

describe('the readers that use the browser storage directly', () => {
  const storage = new MemoryStorage();
  let session: typeof import('../../src/ui/lesson/session');
  let lang: typeof import('../../src/ui/common/useLang');
  beforeAll(async () => {
    // The app reaches storage through window.localStorage (src/ui/common/appStorage.ts).
    (globalThis as { window?: unknown }).window = { localStorage: storage, location: { hash: '', search: '', pathname: '/' } };
    session = await import('../../src/ui/lesson/session');
    lang = await import('../../src/ui/common/useLang');
  }, TEST_MS);
  afterAll(() => {
    delete (globalThis as { window?: unknown }).window;
  }, TEST_MS);

  it('kafe.lessons.stash ("Back to my canvas"): an unreadable stash is moved aside, reported, and the canvas stays', () => {
    fc.assert(
      fc.property(hostile, (input) =>
        tally.attempt('localStorage kafe.lessons.stash', input, LIMIT_MS, () => {
          storage.clear();
          const store = createKafeStore(TEMPLATES.orderFanOut.build());
          const before = store.getState().scenario;
          storage.setItem(session.STASH_KEY, input.text);
          session.restoreStash(store, createProgressStore(storage));
          const after = store.getState();
          expect(validScenario(after.scenario)).toBe(true);
          if (after.notice?.kind === 'error') {
            expect(after.notice.key).toBe('notice.stashFailed');
            expect(READ_REASONS).toContain(after.notice.reason);
            expect(after.scenario).toBe(before);
            expect(storage.getItem(session.STASH_UNREADABLE_KEY)).toBe(input.text);
          } else expect(storage.getItem(session.STASH_KEY)).toBeNull();
          expect(prototypePolluted()).toBe(false);
        }),
      ),
      { numRuns: 200 },
    );
  }, TEST_MS);

  it('kafe.lang', () => {
    fc.assert(
      fc.property(hostile, (input) =>
        tally.attempt('localStorage kafe.lang', input, LIMIT_MS, () => {
          storage.setItem('kafe.lang', input.text);
          expect(['en', 'th']).toContain(lang.readStoredLang());
        }),
      ),
      { numRuns: 100 },
    );
  }, TEST_MS);
});

describe('the bounds hold where they matter', () => {
  it('refuses 100 000 levels of nesting as too deep in every channel, before parsing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const scenarioWithDeepName = scenarioToJson(TEMPLATES.empty.build()).replace('"name": "', `"name": ${deep}, "x": "`);
    for (const text of [deep, scenarioWithDeepName]) {
      expect(parseScenarioJson(text)).toMatchObject({ ok: false, reason: 'tooDeep' });
      expect(decodeShareFragment(linkFor(text))).toMatchObject({ ok: false, reason: 'tooDeep' });
      expect(parseProgress(text)).toMatchObject({ ok: false, reason: 'tooDeep' });
    }
  }, TEST_MS);

  it('refuses the 8 kB share link that unpacks to 10 million characters as too big', async () => {
    const { readFileSync } = await import('node:fs');
    const bomb = readFileSync(new URL('../fixtures/share-link-bomb.txt', import.meta.url), 'utf8').trim();
    expect(decodeShareFragment(`#s=${bomb}`)).toMatchObject({ ok: false, reason: 'tooBig' });
  }, TEST_MS);

  it('accepts the deepest real scenarios (a valid template with every node kind round-trips)', () => {
    for (const t of Object.values(TEMPLATES)) expect(parseScenarioJson(scenarioToJson(t.build())).ok).toBe(true);
  }, TEST_MS);
});
