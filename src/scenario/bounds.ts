import { err, ok, type Result } from './result';

/**
 * Size and nesting limits checked BEFORE anything recursive touches an input.
 *
 * Why: JSON.parse is iterative and happily builds a list nested 100 000 levels deep from a short
 * text, but structuredClone, JSON.stringify and zod recurse, and overflow the stack on it. The
 * deepest real scenario is about 6 levels (scenario → nodes → node → props → keys → key, or a
 * timeline command's fields), so anything deeper than MAX_NESTING is refused with a sentence,
 * before it can reach them. Both checks are single loops with an explicit counter or stack: they
 * cannot overflow the stack themselves, and they stop at the first excess.
 */

/** Largest input we read (JSON text, share fragment, or a fragment's decompressed JSON), chars. */
export const MAX_INPUT_CHARS = 2_000_000;
/** Deepest nesting of lists/objects accepted; real scenarios and progress use fewer than 10. */
export const MAX_NESTING = 64;
/** Most values (of any kind) an already-parsed input may hold: what 2 MB of JSON can hold at most. */
export const MAX_VALUES = 1_000_000;

export const TOO_BIG = 'this is too big to be a Kafé scenario (more than 2 MB)';
export const tooDeep = (what = 'a Kafé scenario') => `this is nested too deeply to be ${what} (more than ${MAX_NESTING} levels of lists or objects)`;

/**
 * Checks JSON text without parsing it: length, then the depth of `[`/`{` outside strings. Text that
 * is not JSON passes (JSON.parse reports it next); text that is JSON and passes is safe to parse
 * and walk recursively to MAX_NESTING levels.
 */
export function checkJsonText(text: string, what?: string): Result<true> {
  if (text.length > MAX_INPUT_CHARS) return err(TOO_BIG, 'tooBig');
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_NESTING) return err(tooDeep(what), 'tooDeep');
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return ok(true);
}

/**
 * The same limits for a value that is already parsed (or built in code): nesting depth and the
 * number of values, walked with an explicit stack. A cyclic object is refused as too deep.
 */
export function checkValue(value: unknown, what?: string): Result<true> {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (++seen > MAX_VALUES) return err(TOO_BIG, 'tooBig');
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > MAX_NESTING) return err(tooDeep(what), 'tooDeep');
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    if (seen + stack.length + children.length > MAX_VALUES) return err(TOO_BIG, 'tooBig');
    for (const child of children) stack.push({ v: child, depth: depth + 1 });
  }
  return ok(true);
}
