import type { ReadIssue, ReadReason } from '../scenario';

/** What a reader returns when it could not read something (scenario Result, AsyncAPI outcome). */
export interface ReadFailure {
  error: string;
  reason: ReadReason;
  issue?: ReadIssue;
}

/**
 * The parts of a notice that word a read failure in the learner's language: why (`reason`) and,
 * when a schema rule refused a value, which one (`issue`). The reader's English `error` goes in
 * the notice's detail, shown as a technical detail under them.
 */
export function readFailureExtras(failure: ReadFailure): { reason: ReadReason; issue?: ReadIssue } {
  return failure.issue ? { reason: failure.reason, issue: failure.issue } : { reason: failure.reason };
}
