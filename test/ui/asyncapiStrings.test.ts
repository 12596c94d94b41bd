import { beforeAll, describe, expect, test } from 'vitest';
import { NOTE_CODES } from '../../src/asyncapi';
import { createI18n, loadLang, registerArea } from '../../src/i18n';
import { enCore } from '../../src/i18n/en/core';
import { en, type MessageKey } from '../../src/i18n/en';
import { th } from '../../src/i18n/th';
import { ASYNCAPI_STRINGS } from '../../src/ui/asyncapi/strings';

// Thai is a chunk of its own in the app (loadLang).
beforeAll(() => loadLang('th'));

describe('AsyncAPI import strings', () => {
  test.each(Object.keys(NOTE_CODES))('the note "%s" has an English and a Thai message using its subject or detail', (code) => {
    const key = `asyncapi.note.${code}` as MessageKey;
    expect(en[key], `en ${key}`).toBeTruthy();
    expect(th[key]?.trim(), `th ${key}`).toBeTruthy();
    // Both languages fill the same placeholders, so no note loses its subject in Thai.
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(placeholders(th[key])).toEqual(placeholders(en[key]));
  });

  test('the panel strings load with the chunk, not at first paint, in both languages', () => {
    expect(Object.keys(enCore).some((k) => k.startsWith('asyncapi.note.') || k.startsWith('asyncapi.panel.'))).toBe(false);
    const i18n = createI18n('th');
    registerArea(i18n, ASYNCAPI_STRINGS);
    expect(i18n.t('asyncapi.note.server', { subject: 'cluster', detail: 'kafka' })).toBe('server “cluster” (kafka): Kafé จำลอง broker ของตัวเองแทน');
  });
});
