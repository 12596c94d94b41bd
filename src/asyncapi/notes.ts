/**
 * What an AsyncAPI import could not carry over onto the canvas, or had to read in a particular
 * way. Each note is shown to the learner (translated from `asyncapi.note.<code>`, filled with
 * `subject` and `detail`), so nothing in a document is dropped without a word.
 *
 * Kinds: `skipped` — left out (Kafé does not simulate it); `adjusted` — changed to fit (clamped,
 * renamed, a default assumed); `info` — how an ambiguous part was read.
 */
export const NOTE_CODES = {
  /** A server (subject: its name): Kafé simulates its own brokers instead. */
  server: 'skipped',
  /** Security schemes or requirements (subject: names). */
  security: 'skipped',
  /** A channel address with parameters such as {userId} (subject: channel). */
  channelParameters: 'skipped',
  /** Bindings for another protocol (subject: where, detail: protocols). */
  otherBindings: 'skipped',
  /** Topic configs Kafé does not simulate (subject: topic, detail: config names). */
  topicConfigs: 'skipped',
  /** Kafka binding fields Kafé does not simulate (subject: where, detail: field names). */
  bindingFields: 'skipped',
  /** Specification extensions other than x-kafe (subject: where, detail: names). */
  extensions: 'skipped',
  /** Message payload, header or correlation schemas (subject: message names). */
  messageSchemas: 'skipped',
  /** A request/reply definition (subject: operation). */
  reply: 'skipped',
  /** An operation without a channel on the canvas (subject: operation). */
  noChannel: 'skipped',
  /** An arrow the canvas refuses (subject: operation, detail: the refusal code). */
  connection: 'skipped',
  /** More than one message sent by one application: the first is used (subject: node, detail: names). */
  extraMessages: 'adjusted',
  /** A value outside what Kafé simulates, clamped (subject: where, detail: field=value→new). */
  clamped: 'adjusted',
  /** A name changed to fit Kafé's rules (subject: original, detail: new name). */
  renamed: 'adjusted',
  /** Topic settings not in the document: Kafka's broker defaults used (subject: topic, detail: settings). */
  kafkaDefaults: 'adjusted',
  /** compact,delete simulated as compact (subject: topic). */
  compactDelete: 'adjusted',
  /** The x-kafe extension was unreadable and was ignored (detail: why). */
  badKafeExtension: 'adjusted',
  /** No broker list: as many brokers as the largest replication factor (detail: count). */
  brokersAssumed: 'info',
  /** An AsyncAPI 2.x subscribe operation with a consumer groupId read as consuming (subject: operation). */
  subscribeAsConsumer: 'info',
} as const;

export type NoteCode = keyof typeof NOTE_CODES;
export type NoteKind = (typeof NOTE_CODES)[NoteCode];

export interface ImportNote {
  code: NoteCode;
  kind: NoteKind;
  subject: string;
  detail?: string;
}

export function note(code: NoteCode, subject: string, detail?: string): ImportNote {
  return detail === undefined ? { code, kind: NOTE_CODES[code], subject } : { code, kind: NOTE_CODES[code], subject, detail };
}
