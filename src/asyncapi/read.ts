import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { MAX_INPUT_CHARS, type ReadIssue } from '../scenario';
import { documentToScenario, type Imported } from './fromDocument';

/**
 * Reading an AsyncAPI file a learner opened: validate it with @asyncapi/parser, then map it.
 *
 * Contract: never throws; an invalid document gives the parser's error messages (errors only:
 * its style warnings, such as a missing contact, are not the learner's problem), each with the
 * 1-based line it points at, in line order. Nothing here touches the canvas.
 */
export interface AsyncApiParser {
  parse(text: string): Promise<{ document?: AsyncAPIDocumentInterface; diagnostics: readonly ParserDiagnostic[] }>;
}

/** The part of @asyncapi/parser's Diagnostic we read (severity 0 is an error; lines are 0-based). */
export interface ParserDiagnostic {
  severity: number;
  message: string;
  path: readonly (string | number)[];
  range: { start: { line: number } };
}

export interface DocumentProblem {
  /** 1-based line in the file, when the parser knows it. */
  line: number | null;
  message: string;
  /** Where in the document, e.g. `channels.orders.bindings.kafka.partitions`. */
  path: string;
}

/** Why a document could not be imported, as a code the panel words in the learner's language. */
export const ASYNCAPI_READ_REASONS = [
  /** Nothing in the file. */
  'empty',
  /** The file, or the canvas it describes, is larger than Kafé holds. */
  'tooBig',
  /** The parser threw (out of memory, a bug). */
  'parserFailed',
  /** Readable, but not an AsyncAPI document. */
  'notAsyncApi',
  /** An AsyncAPI document the parser refuses: `problems` are its messages, with lines. */
  'invalidDocument',
  /** The mapping to a canvas threw. */
  'notMappable',
  /** It maps to a canvas the scenario schema refuses (`issue` says which value). */
  'invalidCanvas',
] as const;
export type AsyncApiReadReason = (typeof ASYNCAPI_READ_REASONS)[number];

/**
 * A failure carries `reason` (worded by the UI) and `problems`: the parser's or the reader's own
 * English, shown under it as technical detail (the parser's messages point at lines to fix).
 */
export type ReadOutcome =
  | { ok: true; value: Imported }
  | { ok: false; reason: AsyncApiReadReason; issue?: ReadIssue; problems: DocumentProblem[] };

const MAX_PROBLEMS_SHOWN = 20;

export async function readAsyncApi(text: string, parser: AsyncApiParser): Promise<ReadOutcome> {
  if (typeof text !== 'string' || text.trim() === '') return fail('empty', 'the file is empty');
  if (text.length > MAX_INPUT_CHARS) return fail('tooBig', 'this file is too big to be read here (more than 2 MB)');
  let parsed: Awaited<ReturnType<AsyncApiParser['parse']>>;
  try {
    parsed = await parser.parse(text);
  } catch (e) {
    return fail('parserFailed', `the AsyncAPI parser stopped: ${e instanceof Error ? e.message : String(e)}`);
  }
  const errors = parsed.diagnostics.filter((d) => d.severity === 0);
  if (!parsed.document || errors.length > 0) {
    if (errors.length === 0) return fail('notAsyncApi', 'this is not an AsyncAPI document the parser can read');
    const problems = errors.map((d) => ({ line: Number.isInteger(d.range?.start?.line) ? d.range.start.line + 1 : null, message: d.message, path: d.path.join('.') }));
    problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    const unique = problems.filter((p, i) => problems.findIndex((q) => q.line === p.line && q.message === p.message) === i);
    return { ok: false, reason: 'invalidDocument', problems: unique.slice(0, MAX_PROBLEMS_SHOWN) };
  }
  let mapped: ReturnType<typeof documentToScenario>;
  try {
    mapped = documentToScenario(parsed.document);
  } catch (e) {
    return fail('notMappable', `this document could not be turned into a canvas: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (mapped.ok) return { ok: true, value: mapped.value };
  return fail(mapped.reason === 'tooBig' ? 'tooBig' : 'invalidCanvas', mapped.error, mapped.issue);
}

function fail(reason: AsyncApiReadReason, message: string, issue?: ReadIssue): ReadOutcome {
  const problems = [{ line: null, message, path: '' }];
  return issue ? { ok: false, reason, issue, problems } : { ok: false, reason, problems };
}
