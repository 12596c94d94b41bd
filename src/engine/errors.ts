/**
 * Every refusal the engine makes is an EngineError with a stable `code`, so callers (the store,
 * the lesson checker, tests) branch on the code and show `message` to people. A command that
 * throws leaves the engine state exactly as it was: commands validate before they mutate.
 */
export type EngineErrorCode =
  | 'UNKNOWN_COMMAND'
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_TOPIC'
  | 'TOPIC_EXISTS'
  | 'UNKNOWN_BROKER'
  | 'UNKNOWN_PRODUCER'
  | 'UNKNOWN_CONSUMER'
  | 'UNKNOWN_GROUP'
  | 'UNKNOWN_SERVICE'
  | 'GROUP_NOT_EMPTY'
  | 'DUPLICATE_ID'
  | 'NEGATIVE_TIME'
  | 'INVALID_CONFIG';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export function fail(code: EngineErrorCode, message: string): never {
  throw new EngineError(code, message);
}
