import { describe, expect, test } from 'vitest';
import { ASYNCAPI_READ_REASONS, NOTE_CODES as ASYNCAPI_NOTE_CODES } from '../../src/asyncapi';
import { NOTE_CODES as EXPORT_NOTE_CODES } from '../../src/codegen';
import { SERVICE_IDS } from '../../src/compare';
import { ASYNCAPI_NOTE_KEYS, ASYNCAPI_READ_KEYS, COMPARE_SERVICE_KEYS, EXPORT_NOTE_KEYS, GOAL_STAT_KEYS, PROBLEM_KEYS, READ_ISSUE_KEYS } from '../../src/i18n/codeKeys';
import { en, type MessageKey } from '../../src/i18n/en';
import { th } from '../../src/i18n/th';
import { DATABASE_STATS, PRODUCER_STATS, SERVICE_STATS } from '../../src/lessons';
import { PROBLEM_CODES, READ_ISSUE_CODES } from '../../src/scenario';

/** Each table with the run-time list of the codes it must word. */
const TABLES: Record<string, { codes: readonly string[]; keys: Readonly<Record<string, MessageKey>> }> = {
  'AsyncAPI import notes': { codes: Object.keys(ASYNCAPI_NOTE_CODES), keys: ASYNCAPI_NOTE_KEYS },
  'export notes': { codes: Object.keys(EXPORT_NOTE_CODES), keys: EXPORT_NOTE_KEYS },
  'canvas problems': { codes: PROBLEM_CODES, keys: PROBLEM_KEYS },
  'goal counters': { codes: [...new Set([...SERVICE_STATS, ...PRODUCER_STATS, ...DATABASE_STATS])], keys: GOAL_STAT_KEYS },
  'comparison services': { codes: SERVICE_IDS, keys: COMPARE_SERVICE_KEYS },
  'values a file or link may not hold': { codes: READ_ISSUE_CODES, keys: READ_ISSUE_KEYS },
  'reasons an AsyncAPI import fails': { codes: ASYNCAPI_READ_REASONS, keys: ASYNCAPI_READ_KEYS },
};

describe.each(Object.entries(TABLES))('%s: code -> message key', (_name, { codes, keys }) => {
  test('every code has a key, and the table words no code that does not exist', () => {
    expect(Object.keys(keys).sort()).toEqual([...codes].sort());
  });

  test.each(codes)('%s maps to a message present in English and Thai', (code) => {
    const key = keys[code];
    expect(en[key]?.trim(), `en ${key}`).toBeTruthy();
    expect(th[key]?.trim(), `th ${key}`).toBeTruthy();
  });

  test('no two codes share a message', () => {
    expect(new Set(Object.values(keys)).size).toBe(codes.length);
  });
});
