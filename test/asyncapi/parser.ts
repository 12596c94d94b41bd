import { Parser } from '@asyncapi/parser';
import type { AsyncApiParser } from '../../src/asyncapi';

/**
 * The real @asyncapi/parser (its Node build; the app loads the browser build of the same
 * version). One instance for a test file: building its rule set takes seconds.
 */
let shared: Parser | null = null;
export function realParser(): AsyncApiParser {
  shared ??= new Parser();
  return shared as unknown as AsyncApiParser;
}

/** The parser's errors (severity 0) for a document, as "line: message" strings. */
export async function parserErrors(text: string): Promise<string[]> {
  const { diagnostics } = await (shared ??= new Parser()).parse(text);
  return diagnostics.filter((d) => d.severity === 0).map((d) => `${d.range.start.line + 1}: ${d.message} (${d.path.join('.')})`);
}
