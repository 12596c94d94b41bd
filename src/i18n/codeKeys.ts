import type { AsyncApiReadReason, NoteCode } from '../asyncapi';
import type { ExportNoteCode } from '../codegen';
import type { ServiceId } from '../compare';
import type { GoalStat } from '../lessons';
import type { ProblemCode, ReadIssue, ReadIssueCode } from '../scenario';
import type { MessageKey } from './en';
import type { Translate } from './index';

/**
 * Codes that travel as data (an import note, an export note, a canvas problem, a goal's counter, a
 * comparison service) and the message that words each. One closed table per code set: a new code
 * does not compile until it has a message, and test/ui/codeKeys.test.ts checks every message exists
 * in English and Thai. The UI looks codes up here instead of building keys from strings.
 */

export const ASYNCAPI_NOTE_KEYS: { readonly [C in NoteCode]: MessageKey } = {
  server: 'asyncapi.note.server',
  security: 'asyncapi.note.security',
  channelParameters: 'asyncapi.note.channelParameters',
  otherBindings: 'asyncapi.note.otherBindings',
  topicConfigs: 'asyncapi.note.topicConfigs',
  bindingFields: 'asyncapi.note.bindingFields',
  extensions: 'asyncapi.note.extensions',
  messageSchemas: 'asyncapi.note.messageSchemas',
  reply: 'asyncapi.note.reply',
  noChannel: 'asyncapi.note.noChannel',
  connection: 'asyncapi.note.connection',
  extraMessages: 'asyncapi.note.extraMessages',
  clamped: 'asyncapi.note.clamped',
  renamed: 'asyncapi.note.renamed',
  kafkaDefaults: 'asyncapi.note.kafkaDefaults',
  compactDelete: 'asyncapi.note.compactDelete',
  badKafeExtension: 'asyncapi.note.badKafeExtension',
  brokersAssumed: 'asyncapi.note.brokersAssumed',
  subscribeAsConsumer: 'asyncapi.note.subscribeAsConsumer',
};

export const EXPORT_NOTE_KEYS: { readonly [C in ExportNoteCode]: MessageKey } = {
  producerNotConnected: 'export.note.producerNotConnected',
  readerNotSubscribed: 'export.note.readerNotSubscribed',
  duplicateTopic: 'export.note.duplicateTopic',
  nothingToRun: 'export.note.nothingToRun',
  brokersMerged: 'export.note.brokersMerged',
  replicationCapped: 'export.note.replicationCapped',
  assignorMapped: 'export.note.assignorMapped',
  noKeys: 'export.note.noKeys',
  idempotentNeedsAcksAll: 'export.note.idempotentNeedsAcksAll',
  retryTopicMissing: 'export.note.retryTopicMissing',
  deadLetterTopicMissing: 'export.note.deadLetterTopicMissing',
  badConnection: 'export.note.badConnection',
  instances: 'export.note.instances',
  joinsLater: 'export.note.joinsLater',
  databaseNotExported: 'export.note.databaseNotExported',
  schemaRefused: 'export.note.schemaRefused',
  schemaCheckPending: 'export.note.schemaCheckPending',
  writerSchemaNotUsed: 'export.note.writerSchemaNotUsed',
  readerSchemaNotUsed: 'export.note.readerSchemaNotUsed',
  registryNotExported: 'export.note.registryNotExported',
  timelineNotExported: 'export.note.timelineNotExported',
};

export const PROBLEM_KEYS: { readonly [C in ProblemCode]: MessageKey } = {
  rfAboveBrokers: 'canvas.problem.rfAboveBrokers',
  minIsrAboveRf: 'canvas.problem.minIsrAboveRf',
  duplicateTopicName: 'canvas.problem.duplicateTopicName',
  tooManyBrokers: 'canvas.problem.tooManyBrokers',
  notConnected: 'canvas.problem.notConnected',
  noKeys: 'canvas.problem.noKeys',
  idempotentNeedsAcksAll: 'canvas.problem.idempotentNeedsAcksAll',
  notSubscribed: 'canvas.problem.notSubscribed',
  retryTopicMissing: 'canvas.problem.retryTopicMissing',
  deadLetterTopicMissing: 'canvas.problem.deadLetterTopicMissing',
  badConnection: 'canvas.problem.badConnection',
  schemaRefused: 'canvas.problem.schemaRefused',
  schemaCheckPending: 'canvas.problem.schemaCheckPending',
};

/** The counter a serviceStat / producerStat goal names, as a word in its sentence. */
export const GOAL_STAT_KEYS: { readonly [S in GoalStat]: MessageKey } = {
  processed: 'lessons.goalPart.stat.processed',
  failed: 'lessons.goalPart.stat.failed',
  duplicatesSkipped: 'lessons.goalPart.stat.duplicatesSkipped',
  deadLettered: 'lessons.goalPart.stat.deadLettered',
  dropped: 'lessons.goalPart.stat.dropped',
  emitted: 'lessons.goalPart.stat.emitted',
  filtered: 'lessons.goalPart.stat.filtered',
  sent: 'lessons.goalPart.stat.sent',
  acked: 'lessons.goalPart.stat.acked',
  retriesNotRewritten: 'lessons.goalPart.stat.retriesNotRewritten',
  writtenTwice: 'lessons.goalPart.stat.writtenTwice',
  // A service's database: the inspector's own words, so the checklist names what is on screen.
  rows: 'inspector.counter.rows',
  published: 'inspector.counter.published',
  lost: 'inspector.counter.lost',
  pending: 'inspector.counter.pending',
  republished: 'inspector.counter.republished',
  crashes: 'inspector.counter.crashes',
  alreadySaved: 'inspector.counter.alreadySaved',
};

export const COMPARE_SERVICE_KEYS: { readonly [S in ServiceId]: MessageKey } = {
  order: 'compare.service.order',
  payment: 'compare.service.payment',
  inventory: 'compare.service.inventory',
  email: 'compare.service.email',
  analytics: 'compare.service.analytics',
  fraud: 'compare.service.fraud',
};

/** What a schema rule refused in a file or a link (src/scenario/issues.ts), worded with its params. */
export const READ_ISSUE_KEYS: { readonly [C in ReadIssueCode]: MessageKey } = {
  tooBig: 'read.issue.tooBig',
  tooSmall: 'read.issue.tooSmall',
  tooLong: 'read.issue.tooLong',
  tooManyItems: 'read.issue.tooManyItems',
  tooFewItems: 'read.issue.tooFewItems',
  empty: 'read.issue.empty',
  missing: 'read.issue.missing',
  wrongType: 'read.issue.wrongType',
  notOneOf: 'read.issue.notOneOf',
  unknownFields: 'read.issue.unknownFields',
  badFormat: 'read.issue.badFormat',
  tooShort: 'read.issue.tooShort',
  duplicateId: 'read.issue.duplicateId',
  duplicateTopic: 'read.issue.duplicateTopic',
  unknownNode: 'read.issue.unknownNode',
  other: 'read.issue.other',
};

/** A refused value in words, in the language of `t`. */
export function readIssueMessage(t: Translate, issue: ReadIssue): string {
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue.params)) if (v !== undefined) vars[k] = v;
  return t(READ_ISSUE_KEYS[issue.code], vars);
}

/** Why an AsyncAPI document could not be imported (src/asyncapi/read.ts). */
export const ASYNCAPI_READ_KEYS: { readonly [R in AsyncApiReadReason]: MessageKey } = {
  empty: 'asyncapi.reason.empty',
  tooBig: 'asyncapi.reason.tooBig',
  parserFailed: 'asyncapi.reason.parserFailed',
  notAsyncApi: 'asyncapi.reason.notAsyncApi',
  invalidDocument: 'asyncapi.panel.invalid',
  notMappable: 'asyncapi.reason.notMappable',
  invalidCanvas: 'asyncapi.reason.invalidCanvas',
};
