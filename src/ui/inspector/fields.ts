import type { MessageKey } from '../../i18n';
import { LIMITS, type NodeKind, type Scenario, type ScenarioNode } from '../../scenario/schema';

/**
 * The settings the inspector edits, as data: one list of fields per node kind. Each field knows how
 * to show a prop as text and how to read the learner's text back, refusing values the scenario
 * schema would refuse (with a message key) so nothing invalid is ever sent to the store.
 */

export type Parsed = { ok: true; value: unknown } | { ok: false; error: MessageKey; vars?: Record<string, string | number> };

export interface FieldContext {
  scenario: Scenario;
  node: ScenarioNode;
}

interface FieldBase {
  /** The prop this field edits. */
  key: string;
  labelKey: MessageKey;
  hintKey?: MessageKey;
  /** Hidden unless this returns true (e.g. the key list only for the 'cycle' key pattern). */
  visible?(props: Record<string, unknown>): boolean;
}

/** Typed text (numbers too); committed on Enter or when the field loses focus. */
export interface TextField extends FieldBase {
  control: 'text';
  inputMode?: 'numeric' | 'decimal' | 'text';
  /** Unit shown after the field, e.g. "ms". */
  unit?: string;
  format(value: unknown): string;
  parse(text: string, ctx: FieldContext): Parsed;
}

/** A choice; committed as soon as it changes. `options(ctx)` for lists that depend on the canvas. */
export interface SelectField extends FieldBase {
  control: 'select';
  options(ctx: FieldContext): { value: string; label?: string; labelKey?: MessageKey }[];
  format(value: unknown): string;
  parse(text: string): unknown;
}

export interface CheckboxField extends FieldBase {
  control: 'checkbox';
}

export type FieldSpec = TextField | SelectField | CheckboxField;

const ok = (value: unknown): Parsed => ({ ok: true, value });
const fail = (error: MessageKey, vars?: Record<string, string | number>): Parsed => ({ ok: false, error, vars });

/** A typed number within [min, max] (a whole one when `integer`); a decimal comma is read as a point. */
export function parseNumber(text: string, min: number, max: number, integer: boolean): Parsed {
  const trimmed = text.trim().replace(',', '.');
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(n)) return fail('inspector.error.number');
  if (integer && !Number.isInteger(n)) return fail('inspector.error.integer', { min, max });
  if (n < min || n > max) return fail('inspector.error.range', { min, max });
  return ok(n);
}

export function intField(key: string, labelKey: MessageKey, min: number, max: number, extra: Partial<TextField> = {}): TextField {
  return {
    key,
    labelKey,
    control: 'text',
    inputMode: 'numeric',
    format: (v) => String(v),
    parse: (text) => parseNumber(text, min, max, true),
    ...extra,
  };
}

export function numberField(key: string, labelKey: MessageKey, min: number, max: number, extra: Partial<TextField> = {}): TextField {
  return {
    key,
    labelKey,
    control: 'text',
    inputMode: 'decimal',
    format: (v) => String(v),
    parse: (text) => parseNumber(text, min, max, false),
    ...extra,
  };
}

/** A 0..1 fraction shown and typed as a percentage. */
function percentField(key: string, labelKey: MessageKey, extra: Partial<TextField> = {}): TextField {
  return {
    key,
    labelKey,
    control: 'text',
    inputMode: 'decimal',
    unit: '%',
    format: (v) => String(Math.round((v as number) * 1000) / 10),
    parse: (text) => {
      const p = parseNumber(text, 0, 100, false);
      return p.ok ? ok(Math.round((p.value as number) * 10) / 1000) : p;
    },
    ...extra,
  };
}

function patternField(key: string, labelKey: MessageKey, pattern: RegExp, error: MessageKey, extra: Partial<TextField> = {}): TextField {
  return {
    key,
    labelKey,
    control: 'text',
    format: (v) => String(v ?? ''),
    parse: (text) => (pattern.test(text.trim()) ? ok(text.trim()) : fail(error)),
    ...extra,
  };
}

function select(key: string, labelKey: MessageKey, values: readonly string[], labelKeys?: Record<string, MessageKey>): SelectField {
  return {
    key,
    labelKey,
    control: 'select',
    options: () => values.map((value) => ({ value, labelKey: labelKeys?.[value], label: value })),
    format: (v) => String(v),
    parse: (text) => text,
  };
}

/** A duration kept in ms, shown and typed in seconds (at most ms precision). */
function secondsField(key: string, labelKey: MessageKey, min: number, max: number, extra: Partial<TextField> = {}): TextField {
  return {
    key,
    labelKey,
    control: 'text',
    inputMode: 'decimal',
    unit: 's',
    format: (v) => String((v as number) / 1000),
    parse: (text) => {
      const p = parseNumber(text, min, max, false);
      return p.ok ? ok(Math.round((p.value as number) * 1000)) : p;
    },
    ...extra,
  };
}

/** A service rule is on when it names a field. */
const hasRule = (p: Record<string, unknown>) => typeof p.ruleField === 'string' && p.ruleField !== '';

const checkbox = (key: string, labelKey: MessageKey, hintKey?: MessageKey): CheckboxField => ({ key, labelKey, hintKey, control: 'checkbox' });

/** Mirrors the scenario schema's rules (src/scenario/schema.ts). */
const LABEL_MAX = 40;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,60}$/;
/** A rule's field: a name like amount, or empty (the service reacts to every event). */
const RULE_FIELD = /^([A-Za-z_][A-Za-z0-9_]{0,29})?$/;
/** An event type, or empty (sagas: no failure event / react to every event). */
const OPTIONAL_EVENT_TYPE = /^([A-Za-z][A-Za-z0-9_.-]{0,39})?$/;

/** The node's label: 1-40 characters once trimmed. */
export function parseLabel(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed.length === 0) return fail('inspector.error.labelEmpty');
  if (trimmed.length > LABEL_MAX) return fail('inspector.error.labelLong', { max: LABEL_MAX });
  return ok(trimmed);
}

const groupField: TextField = {
  key: 'group',
  labelKey: 'inspector.field.group',
  hintKey: 'inspector.hint.group',
  control: 'text',
  format: (v) => String(v),
  parse: (text) => parseLabel(text),
};

const assignorField = select('assignor', 'inspector.field.assignor', ['range', 'roundrobin', 'sticky', 'cooperative-sticky']);
const offsetResetField = select('autoOffsetReset', 'inspector.field.autoOffsetReset', ['earliest', 'latest'], {
  earliest: 'inspector.option.earliest',
  latest: 'inspector.option.latest',
});
/** isolation.level (Kafka's default read_uncommitted), for services and consumer groups. */
const isolationLevelField: SelectField = {
  ...select('isolationLevel', 'inspector.field.isolationLevel', ['read_uncommitted', 'read_committed'], {
    read_uncommitted: 'inspector.option.readUncommitted',
    read_committed: 'inspector.option.readCommitted',
  }),
  hintKey: 'inspector.hint.isolationLevel',
};
const processingField = numberField('processingMs', 'inspector.field.processingMs', 0, 60_000, { unit: 'ms' });
const instancesField = intField('instances', 'inspector.field.instances', 1, LIMITS.instances);

/** Topics this service writes to (edges service -> topic): the only valid retry / DLQ targets. */
function outputTopics(ctx: FieldContext): { value: string; label: string }[] {
  const targets = new Set(ctx.scenario.edges.filter((e) => e.source === ctx.node.id).map((e) => e.target));
  return ctx.scenario.nodes
    .filter((n) => n.kind === 'topic' && targets.has(n.id))
    .map((n) => ({ value: n.id, label: n.kind === 'topic' ? n.props.name : n.label }));
}

function topicPick(key: string, labelKey: MessageKey, hintKey: MessageKey): SelectField {
  return {
    key,
    labelKey,
    hintKey,
    control: 'select',
    options: (ctx) => [{ value: '', labelKey: 'inspector.option.none' }, ...outputTopics(ctx)],
    format: (v) => (typeof v === 'string' ? v : ''),
    parse: (text) => (text === '' ? null : text),
  };
}

export const FIELDS: Record<NodeKind, readonly FieldSpec[]> = {
  producer: [
    numberField('ratePerSec', 'inspector.field.ratePerSec', 0, 100_000, { unit: '/s', hintKey: 'inspector.hint.ratePerSec' }),
    patternField('eventType', 'inspector.field.eventType', EVENT_TYPE, 'inspector.error.eventType'),
    select('keyPattern', 'inspector.field.keyPattern', ['none', 'cycle', 'random'], {
      none: 'inspector.option.keyNone',
      cycle: 'inspector.option.keyCycle',
      random: 'inspector.option.keyRandom',
    }),
    {
      key: 'keys',
      labelKey: 'inspector.field.keys',
      hintKey: 'inspector.hint.keys',
      control: 'text',
      visible: (p) => p.keyPattern === 'cycle',
      format: (v) => (v as string[]).join(', '),
      parse: (text) => {
        const keys = text
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k !== '');
        if (keys.length === 0) return fail('inspector.error.keysEmpty');
        if (keys.length > 50) return fail('inspector.error.keysMany', { max: 50 });
        if (keys.some((k) => k.length > 40)) return fail('inspector.error.keyLong', { max: 40 });
        return ok(keys);
      },
    },
    {
      key: 'keyPrefix',
      labelKey: 'inspector.field.keyPrefix',
      control: 'text',
      visible: (p) => p.keyPattern === 'random',
      format: (v) => String(v),
      parse: (text) => (text.trim().length <= 20 ? ok(text.trim()) : fail('inspector.error.tooLong', { max: 20 })),
    },
    intField('keyCount', 'inspector.field.keyCount', 1, 1_000_000, { visible: (p) => p.keyPattern === 'random' }),
    {
      ...select('acks', 'inspector.field.acks', ['0', '1', 'all']),
      hintKey: 'inspector.hint.acks',
      parse: (text: string) => (text === 'all' ? 'all' : Number(text)),
    },
    checkbox('idempotent', 'inspector.field.idempotentProducer', 'inspector.hint.idempotentProducer'),
    secondsField('requestTimeoutMs', 'inspector.field.requestTimeout', 1, 120, { hintKey: 'inspector.hint.requestTimeout' }),
    {
      ...select('values', 'inspector.field.values', ['counter', 'amount', 'temperature'], {
        counter: 'inspector.option.valuesCounter',
        amount: 'inspector.option.valuesAmount',
        temperature: 'inspector.option.valuesTemperature',
      }),
      hintKey: 'inspector.hint.values',
    },
  ],
  topic: [
    {
      ...patternField('name', 'inspector.field.topicName', TOPIC_NAME, 'inspector.error.topicName'),
      parse: (text, ctx) => {
        const name = text.trim();
        if (!TOPIC_NAME.test(name)) return fail('inspector.error.topicName');
        const taken = ctx.scenario.nodes.some((n) => n.id !== ctx.node.id && n.kind === 'topic' && n.props.name === name);
        return taken ? fail('inspector.error.topicTaken', { name }) : ok(name);
      },
    },
    intField('partitions', 'inspector.field.partitions', 1, LIMITS.partitions),
    intField('replicationFactor', 'inspector.field.replicationFactor', 1, LIMITS.replicas, { hintKey: 'inspector.hint.replicationFactor' }),
    intField('minInsyncReplicas', 'inspector.field.minInsyncReplicas', 1, LIMITS.replicas, { hintKey: 'inspector.hint.minInsyncReplicas' }),
    {
      key: 'retentionMs',
      labelKey: 'inspector.field.retention',
      hintKey: 'inspector.hint.retention',
      control: 'text',
      inputMode: 'decimal',
      unit: 's',
      format: (v) => (v === null ? '' : String((v as number) / 1000)),
      parse: (text) => {
        if (text.trim() === '') return ok(null);
        const p = parseNumber(text, 0.001, 31_536_000, false);
        return p.ok ? ok(Math.max(1, Math.round((p.value as number) * 1000))) : p;
      },
    },
    select('cleanupPolicy', 'inspector.field.cleanupPolicy', ['delete', 'compact'], {
      delete: 'inspector.option.delete',
      compact: 'inspector.option.compact',
    }),
    {
      key: 'retentionBytes',
      labelKey: 'inspector.field.retentionBytes',
      hintKey: 'inspector.hint.retentionBytes',
      control: 'text',
      inputMode: 'numeric',
      unit: 'B',
      visible: (p) => p.cleanupPolicy === 'delete',
      format: (v) => (v === null ? '' : String(v)),
      parse: (text) => (text.trim() === '' ? ok(null) : parseNumber(text, 1, 1e15, true)),
    },
    intField('segmentRecords', 'inspector.field.segmentRecords', 1, 1_000_000, { hintKey: 'inspector.hint.segmentRecords' }),
    secondsField('deleteRetentionMs', 'inspector.field.deleteRetention', 0, 31_536_000, {
      hintKey: 'inspector.hint.deleteRetention',
      visible: (p) => p.cleanupPolicy === 'compact',
    }),
  ],
  service: [
    groupField,
    instancesField,
    processingField,
    percentField('failureRate', 'inspector.field.failureRate'),
    intField('maxAttempts', 'inspector.field.maxAttempts', 1, 20, { hintKey: 'inspector.hint.maxAttempts' }),
    checkbox('idempotent', 'inspector.field.idempotentService', 'inspector.hint.idempotentService'),
    checkbox('transactional', 'inspector.field.transactional', 'inspector.hint.transactional'),
    isolationLevelField,
    assignorField,
    offsetResetField,
    patternField('emits', 'inspector.field.emits', EVENT_TYPE, 'inspector.error.eventType', { hintKey: 'inspector.hint.emits' }),
    patternField('reactsTo', 'inspector.field.reactsTo', OPTIONAL_EVENT_TYPE, 'inspector.error.optionalEventType', { hintKey: 'inspector.hint.reactsTo' }),
    patternField('failureEmits', 'inspector.field.failureEmits', OPTIONAL_EVENT_TYPE, 'inspector.error.optionalEventType', { hintKey: 'inspector.hint.failureEmits' }),
    {
      ...select('database', 'inspector.field.database', ['none', 'dualWrite', 'outbox'], {
        none: 'inspector.option.databaseNone',
        dualWrite: 'inspector.option.dualWrite',
        outbox: 'inspector.option.outbox',
      }),
      hintKey: 'inspector.hint.database',
    },
    percentField('crashChance', 'inspector.field.crashChance', { hintKey: 'inspector.hint.crashChance', visible: (p) => p.database !== 'none' }),
    topicPick('retryTopic', 'inspector.field.retryTopic', 'inspector.hint.outputTopic'),
    topicPick('deadLetterTopic', 'inspector.field.deadLetterTopic', 'inspector.hint.outputTopic'),
    patternField('ruleField', 'inspector.field.ruleField', RULE_FIELD, 'inspector.error.ruleField', { hintKey: 'inspector.hint.ruleField' }),
    numberField('ruleAbove', 'inspector.field.ruleAbove', -1e12, 1e12, { visible: hasRule, hintKey: 'inspector.hint.ruleAbove' }),
    intField('ruleCount', 'inspector.field.ruleCount', 1, 1000, { visible: hasRule, hintKey: 'inspector.hint.ruleCount' }),
    secondsField('ruleWindowMs', 'inspector.field.ruleWindow', 0.001, 3600, { visible: (p) => hasRule(p) && Number(p.ruleCount) > 1, hintKey: 'inspector.hint.ruleWindow' }),
  ],
  consumer: [
    groupField,
    instancesField,
    processingField,
    assignorField,
    offsetResetField,
    select('commitMode', 'inspector.field.commitMode', ['auto', 'afterProcess', 'beforeProcess'], {
      auto: 'inspector.option.commitAuto',
      afterProcess: 'inspector.option.commitAfter',
      beforeProcess: 'inspector.option.commitBefore',
    }),
    isolationLevelField,
  ],
  broker: [],
};
