/**
 * Every refusal the engine makes is an EngineError with a stable `code` and the `params` that
 * say what was refused, so callers (the store, the lesson checker, tests) branch on the code and
 * the UI words it in the learner's language from code and params (src/i18n/refusals.ts).
 * `message` is an English sentence for developers and logs, never shown translated.
 * A command that throws leaves the engine state exactly as it was: commands validate before they
 * mutate.
 */
export const ENGINE_ERROR_CODES = [
  'UNKNOWN_COMMAND',
  'INVALID_ARGUMENT',
  'UNKNOWN_TOPIC',
  'TOPIC_EXISTS',
  'UNKNOWN_BROKER',
  'UNKNOWN_PRODUCER',
  'UNKNOWN_CONSUMER',
  'UNKNOWN_GROUP',
  'UNKNOWN_SERVICE',
  'GROUP_NOT_EMPTY',
  'DUPLICATE_ID',
  'NEGATIVE_TIME',
  'INVALID_CONFIG',
] as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** What each code says about the refusal: `field` names a command's (or the config's) setting. */
export interface EngineErrorParamsByCode {
  UNKNOWN_COMMAND: { type: string };
  INVALID_ARGUMENT: { field: string };
  UNKNOWN_TOPIC: { topic: string };
  TOPIC_EXISTS: { topic: string };
  UNKNOWN_BROKER: { broker: number };
  UNKNOWN_PRODUCER: { id: string };
  UNKNOWN_CONSUMER: { id: string };
  UNKNOWN_GROUP: { group: string };
  UNKNOWN_SERVICE: { id: string };
  GROUP_NOT_EMPTY: { group: string; members: number };
  DUPLICATE_ID: { id: string };
  NEGATIVE_TIME: { ms: number };
  INVALID_CONFIG: { field: string };
}

export type EngineErrorParams<C extends EngineErrorCode = EngineErrorCode> = Readonly<EngineErrorParamsByCode[C]>;

export class EngineError<C extends EngineErrorCode = EngineErrorCode> extends Error {
  readonly code: C;
  readonly params: EngineErrorParams<C>;
  constructor(code: C, params: EngineErrorParams<C>, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
  }
}

export function fail<C extends EngineErrorCode>(code: C, params: EngineErrorParams<C>, message: string): never {
  throw new EngineError(code, params, message);
}
