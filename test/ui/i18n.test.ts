import { describe, expect, test } from 'vitest';
import { en, type MessageKey } from '../../src/i18n/en';
import { th } from '../../src/i18n/th';
import { CONNECTION_REFUSALS } from '../../src/scenario';
import { ACTIONS } from '../../src/ui/controls/actions';

const keys = Object.keys(en) as MessageKey[];

describe('UI strings', () => {
  test.each([...CONNECTION_REFUSALS])('the refused connection "%s" has an English and a Thai message', (code) => {
    const key = `connection.${code}` as MessageKey;
    expect(en[key], `en ${key}`).toBeTruthy();
    expect(th[key]?.trim(), `th ${key}`).toBeTruthy();
  });

  test('every key has a non-empty Thai string', () => {
    const empty = keys.filter((key) => typeof th[key] !== 'string' || th[key].trim() === '');
    expect(empty).toEqual([]);
  });

  test('Thai has no keys that English lacks', () => {
    expect(Object.keys(th).filter((key) => !(key in en))).toEqual([]);
  });

  test('Thai strings keep every {{placeholder}} of the English one', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = keys.filter((key) => placeholders(en[key]).join() !== placeholders(th[key]).join());
    expect(mismatched).toEqual([]);
  });

  test('the notice keys posted by the store and bootstrap are translated', () => {
    for (const key of ['notice.restartedAfterEdit', 'notice.commandRefused', 'notice.importFailed', 'notice.imported', 'notice.shareFailed', 'notice.restoreFailed']) {
      expect(en[key as MessageKey], key).toBeTruthy();
    }
  });

  test('every learner action has a label, a description and a distinct shortcut', () => {
    const shortcuts = ACTIONS.flatMap((a) => (a.shortcut ? [a.shortcut.key, ...(a.shortcut.aliases ?? [])] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    for (const a of ACTIONS) {
      expect(en[a.labelKey]).toBeTruthy();
      expect(en[a.descriptionKey]).toBeTruthy();
    }
  });
});
