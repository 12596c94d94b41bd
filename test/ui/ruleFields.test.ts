import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { serviceProps, topicProps, producerProps } from '../../src/scenario/validate';
import { FIELDS, type FieldContext, type TextField } from '../../src/ui/inspector/fields';

/** The inspector's fields for the service rule, value models and topic cleanup settings. */
const scenario = TEMPLATES.fraudDetection.build();
const service = scenario.nodes.find((n) => n.id === 'fraud-check')!;
const topic = scenario.nodes.find((n) => n.id === 'payments')!;
const ctx = (node: typeof service): FieldContext => ({ scenario, node });
const field = (kind: 'service' | 'topic' | 'producer', key: string) => FIELDS[kind].find((f) => f.key === key)!;
const text = (kind: 'service' | 'topic', key: string) => field(kind, key) as TextField;

describe('rule fields', () => {
  it('accept a field name or nothing, and refuse anything the schema would refuse', () => {
    const f = text('service', 'ruleField');
    expect(f.parse(' amount ', ctx(service))).toEqual({ ok: true, value: 'amount' });
    expect(f.parse('', ctx(service))).toEqual({ ok: true, value: '' });
    expect(f.parse('9lives', ctx(service))).toEqual({ ok: false, error: 'inspector.error.ruleField', vars: undefined });
    expect(f.parse('a.b', ctx(service)).ok).toBe(false);
    for (const good of ['amount', '', 'temperature_c']) expect(serviceProps.shape.ruleField.safeParse(good).success).toBe(true);
    for (const bad of ['9lives', 'a.b']) expect(serviceProps.shape.ruleField.safeParse(bad).success).toBe(false);
  });

  it('show the threshold and count only with a field, and the window only when counting', () => {
    const props = (p: Record<string, unknown>) => ({ ...service.props, ...p });
    const visible = (key: string, p: Record<string, unknown>) => field('service', key).visible?.(props(p)) ?? true;
    expect(visible('ruleAbove', { ruleField: '' })).toBe(false);
    expect(visible('ruleAbove', { ruleField: 'amount' })).toBe(true);
    expect(visible('ruleCount', { ruleField: 'amount' })).toBe(true);
    expect(visible('ruleWindowMs', { ruleField: 'amount', ruleCount: 1 })).toBe(false);
    expect(visible('ruleWindowMs', { ruleField: 'amount', ruleCount: 3 })).toBe(true);
  });

  it('read numbers, counts and seconds with clear errors', () => {
    expect(text('service', 'ruleAbove').parse('1000', ctx(service))).toEqual({ ok: true, value: 1000 });
    expect(text('service', 'ruleAbove').parse('80,5', ctx(service))).toEqual({ ok: true, value: 80.5 });
    expect(text('service', 'ruleAbove').parse('lots', ctx(service))).toMatchObject({ ok: false, error: 'inspector.error.number' });
    expect(text('service', 'ruleCount').parse('2.5', ctx(service))).toMatchObject({ ok: false, error: 'inspector.error.integer' });
    expect(text('service', 'ruleCount').parse('0', ctx(service))).toMatchObject({ ok: false, error: 'inspector.error.range' });
    const w = text('service', 'ruleWindowMs');
    expect(w.format(1500)).toBe('1.5');
    expect(w.parse('1.5', ctx(service))).toEqual({ ok: true, value: 1500 });
    expect(w.parse('0', ctx(service))).toMatchObject({ ok: false, error: 'inspector.error.range' });
  });
});

describe('topic cleanup and producer value fields', () => {
  it('show retention.bytes for delete topics and delete.retention.ms for compacted ones', () => {
    const visible = (key: string, policy: string) => field('topic', key).visible?.({ ...topic.props, cleanupPolicy: policy }) ?? true;
    expect(visible('retentionBytes', 'delete')).toBe(true);
    expect(visible('retentionBytes', 'compact')).toBe(false);
    expect(visible('deleteRetentionMs', 'compact')).toBe(true);
    expect(visible('deleteRetentionMs', 'delete')).toBe(false);
  });

  it('read an empty retention.bytes as no limit and seconds of tombstone retention as ms', () => {
    const bytes = text('topic', 'retentionBytes');
    expect(bytes.parse('', ctx(topic))).toEqual({ ok: true, value: null });
    expect(bytes.parse('4096', ctx(topic))).toEqual({ ok: true, value: 4096 });
    expect(bytes.parse('-1', ctx(topic)).ok).toBe(false);
    expect(text('topic', 'deleteRetentionMs').parse('86400', ctx(topic))).toEqual({ ok: true, value: 86_400_000 });
    expect(text('topic', 'retentionMs').format(604_800_000)).toBe('604800');
    expect(topicProps.shape.segmentRecords.safeParse(0).success).toBe(false);
  });

  it('offer exactly the value models the schema knows', () => {
    const values = field('producer', 'values');
    if (values.control !== 'select') throw new Error('values is a select');
    expect(values.options(ctx(service)).map((o) => o.value)).toEqual(producerProps.shape.values.options);
  });
});
