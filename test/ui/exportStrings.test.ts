import { describe, expect, test } from 'vitest';
import { NOTE_CODES } from '../../src/codegen';
import { en, type MessageKey } from '../../src/i18n/en';
import { th } from '../../src/i18n/th';

describe('"Export as code" strings', () => {
  test.each(Object.keys(NOTE_CODES))('the note "%s" has an English and a Thai message', (code) => {
    const key = `export.note.${code}` as MessageKey;
    expect(en[key], `en ${key}`).toBeTruthy();
    expect(th[key]?.trim(), `th ${key}`).toBeTruthy();
  });
});
