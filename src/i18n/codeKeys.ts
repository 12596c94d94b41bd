import type { NoteCode } from '../asyncapi';
import type { ExportNoteCode } from '../codegen';
import type { ServiceId } from '../compare';
import type { GoalStat } from '../lessons';
import type { ProblemCode } from '../scenario';
import type { MessageKey } from './en';

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
};

/** The counter a serviceStat / producerStat goal names, as a word in its sentence. */
export const GOAL_STAT_KEYS: { readonly [S in GoalStat]: MessageKey } = {
  processed: 'lessons.goalPart.stat.processed',
  failed: 'lessons.goalPart.stat.failed',
  duplicatesSkipped: 'lessons.goalPart.stat.duplicatesSkipped',
  deadLettered: 'lessons.goalPart.stat.deadLettered',
  dropped: 'lessons.goalPart.stat.dropped',
  emitted: 'lessons.goalPart.stat.emitted',
  sent: 'lessons.goalPart.stat.sent',
  acked: 'lessons.goalPart.stat.acked',
};

export const COMPARE_SERVICE_KEYS: { readonly [S in ServiceId]: MessageKey } = {
  order: 'compare.service.order',
  payment: 'compare.service.payment',
  inventory: 'compare.service.inventory',
  email: 'compare.service.email',
  analytics: 'compare.service.analytics',
  fraud: 'compare.service.fraud',
};
