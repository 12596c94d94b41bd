import type { EngineErrorCode, EngineErrorParams } from '../engine';
import type { CoreKey } from './en/core';

/** An engine refusal as data: what the store keeps of an EngineError to show it translated. */
export interface Refusal {
  code: EngineErrorCode;
  params: EngineErrorParams;
}

/**
 * The message for each engine refusal code. Every code must have one (a new code fails to
 * compile until it is worded), and each message's {{placeholders}} are that code's params
 * (test/ui/refusals.test.ts checks both languages).
 */
export const REFUSAL_KEYS: { readonly [C in EngineErrorCode]: CoreKey } = {
  UNKNOWN_COMMAND: 'refusal.unknownCommand',
  INVALID_ARGUMENT: 'refusal.invalidArgument',
  UNKNOWN_TOPIC: 'refusal.unknownTopic',
  TOPIC_EXISTS: 'refusal.topicExists',
  UNKNOWN_BROKER: 'refusal.unknownBroker',
  UNKNOWN_PRODUCER: 'refusal.unknownProducer',
  UNKNOWN_CONSUMER: 'refusal.unknownConsumer',
  UNKNOWN_GROUP: 'refusal.unknownGroup',
  UNKNOWN_SERVICE: 'refusal.unknownService',
  GROUP_NOT_EMPTY: 'refusal.groupNotEmpty',
  DUPLICATE_ID: 'refusal.duplicateId',
  NEGATIVE_TIME: 'refusal.negativeTime',
  INVALID_CONFIG: 'refusal.invalidConfig',
};

/** The refusal in words, in the language of `t`. */
export function refusalMessage(t: (key: CoreKey, vars?: Record<string, string | number>) => string, refusal: Refusal): string {
  return t(REFUSAL_KEYS[refusal.code], { ...refusal.params });
}
