import { describe, expect, test } from 'vitest';
import { avroJudge } from '../../src/schema/avro';
import { loadedSchemaJudge, loadSchemaJudge } from '../../src/schema/lazyJudge';
import { sameSchema, toAvro, type RecordSchema, type SchemaField } from '../../src/schema/model';

const v1: RecordSchema = { name: 'Order', fields: [{ name: 'id', type: 'string', withDefault: false }, { name: 'amount', type: 'double', withDefault: false }] };
const add = (s: RecordSchema, f: SchemaField): RecordSchema => ({ ...s, fields: [...s.fields, f] });
const withDefault = add(v1, { name: 'coupon', type: 'string', withDefault: true });
const withoutDefault = add(v1, { name: 'coupon', type: 'string', withDefault: false });
const removed = (s: RecordSchema, name: string): RecordSchema => ({ ...s, fields: s.fields.filter((f) => f.name !== name) });

describe('toAvro', () => {
  test('writes a record with the type zero value as default only where asked', () => {
    expect(toAvro(withDefault)).toEqual({
      type: 'record',
      name: 'Order',
      fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'coupon', type: 'string', default: '' }],
    });
    expect(sameSchema(withDefault, withoutDefault)).toBe(false);
    expect(sameSchema(v1, structuredClone(v1))).toBe(true);
  });
});

describe('cannotRead (avsc schema resolution)', () => {
  test('a reader with a new field needs a default for it', () => {
    expect(avroJudge.cannotRead(v1, withDefault)).toBeNull();
    expect(avroJudge.cannotRead(v1, withoutDefault)).toMatch(/coupon/);
  });
  test('a reader ignores fields the writer has and it does not', () => {
    expect(avroJudge.cannotRead(withoutDefault, v1)).toBeNull();
  });
  test('records of different names do not match', () => {
    expect(avroJudge.cannotRead(v1, { ...v1, name: 'Payment' })).not.toBeNull();
  });
  test('a field whose type changed incompatibly cannot be read', () => {
    const asBoolean: RecordSchema = { name: 'Order', fields: [{ name: 'id', type: 'boolean', withDefault: false }, v1.fields[1]] };
    expect(avroJudge.cannotRead(v1, asBoolean)).not.toBeNull();
  });
});

describe('refusal by compatibility mode', () => {
  test('the first version is always accepted', () => {
    for (const mode of ['BACKWARD', 'FORWARD', 'FULL', 'NONE'] as const) expect(avroJudge.refusal(mode, null, withoutDefault)).toBeNull();
  });
  test('BACKWARD: adding a field needs a default; removing one is fine', () => {
    expect(avroJudge.refusal('BACKWARD', v1, withDefault)).toBeNull();
    expect(avroJudge.refusal('BACKWARD', v1, withoutDefault)).toEqual({ direction: 'new-reads-old', reason: expect.stringMatching(/coupon/) });
    expect(avroJudge.refusal('BACKWARD', withoutDefault, v1)).toBeNull();
  });
  test('FORWARD: adding any field is fine; removing one without a default is refused', () => {
    expect(avroJudge.refusal('FORWARD', v1, withoutDefault)).toBeNull();
    expect(avroJudge.refusal('FORWARD', v1, withDefault)).toBeNull();
    expect(avroJudge.refusal('FORWARD', withoutDefault, v1)).toEqual({ direction: 'old-reads-new', reason: expect.stringMatching(/coupon/) });
    expect(avroJudge.refusal('FORWARD', withDefault, removed(withDefault, 'coupon'))).toBeNull();
  });
  test('FULL: only fields with defaults may come and go', () => {
    expect(avroJudge.refusal('FULL', v1, withDefault)).toBeNull();
    expect(avroJudge.refusal('FULL', withDefault, v1)).toBeNull();
    expect(avroJudge.refusal('FULL', v1, withoutDefault)?.direction).toBe('new-reads-old');
    expect(avroJudge.refusal('FULL', withoutDefault, v1)?.direction).toBe('old-reads-new');
  });
  test('NONE accepts anything', () => {
    expect(avroJudge.refusal('NONE', v1, withoutDefault)).toBeNull();
    expect(avroJudge.refusal('NONE', v1, { name: 'Other', fields: [] })).toBeNull();
  });
});

describe('lazy loading', () => {
  test('loads the avsc judge once and keeps it', async () => {
    const judge = await loadSchemaJudge();
    expect(judge).toBe(avroJudge);
    expect(loadedSchemaJudge()).toBe(avroJudge);
    expect(await loadSchemaJudge()).toBe(judge);
  });
});
