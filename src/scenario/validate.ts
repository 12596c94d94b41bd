import { checkJsonText, checkValue, MAX_INPUT_CHARS, TOO_BIG } from './bounds';
import { checksum } from './codec';
import { formatIssues, readIssueOf, SHORT_MESSAGES } from './issues';
import { decompressLink, TOO_LONG } from './linkDecompress';
import { migrate } from './migrations';
import { err, type Result } from './result';
import type { Scenario } from './schema';
import { scenarioSchema } from './scenarioSchema';
import { expandShared } from './shareForm';

/**
 * The validation module: reading scenarios back from text (exported JSON files, share links,
 * the autosave) and the zod schemas they are checked with (scenarioSchema.ts, re-exported here
 * for code that builds on them). The app's first screen does not load it: the store fetches it
 * (store/lazyValidation.ts) before anything saved or linked is read, and lazily loaded code
 * (lessons, AsyncAPI) imports it directly.
 *
 * Contract: the readers never throw and never return a partly valid scenario. Input goes through
 * size and nesting guard (bounds.ts, before anything recursive) → JSON → migrate (older versions)
 * → zod schema; the first failing stage's reason and message are returned, written for a learner.
 * Anything unforeseen thrown on the way is caught and returned as reason 'unexpected'.
 */

export * from './scenarioSchema';
const DAMAGED = 'the link is incomplete or damaged — was it cut off when copied?';

/** A JSON file (exported or hand-written) → a valid, current-version scenario. */
export function parseScenarioJson(text: string): Result<Scenario> {
  return guarded(() => {
    if (typeof text !== 'string') return err('this is not a Kafé scenario', 'notScenario');
    const shape = checkJsonText(text);
    if (!shape.ok) return shape;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return err(`this is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, 'notJson');
    }
    return validateScenario(raw);
  });
}

/** Already-parsed data (e.g. from JSON.parse) → bounds → migrate → schema. */
export function validateScenario(raw: unknown): Result<Scenario> {
  return guarded(() => {
    const shape = checkValue(raw);
    if (!shape.ok) return shape;
    const migrated = migrate(raw);
    if (!migrated.ok) return migrated;
    const parsed = scenarioSchema.safeParse(migrated.value, { error: SHORT_MESSAGES });
    if (!parsed.success) return err(formatIssues(parsed.error.issues), 'invalid', readIssueOf(parsed.error.issues[0]));
    return { ok: true, value: parsed.data };
  });
}

/** Runs a reader; whatever it throws (a bug, or a limit we did not foresee) becomes a Result. */
function guarded<T>(read: () => Result<T>): Result<T> {
  try {
    return read();
  } catch (e) {
    const what = e instanceof RangeError ? 'it is too large or too deeply nested' : e instanceof Error ? e.message : String(e);
    return err(`this could not be read: ${what}`, 'unexpected');
  }
}

/** `#c=...&s=...`, or `s=...` alone (a hand-made link, not checked) → a valid scenario. */
export function decodeShareFragment(hash: string): Result<Scenario> {
  return guarded(() => decodeFragment(hash));
}

function decodeFragment(hash: string): Result<Scenario> {
  if (typeof hash !== 'string') return err('this link has no Kafé scenario in it', 'noScenario');
  if (hash.length > MAX_INPUT_CHARS) return err(TOO_BIG, 'tooBig');
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  // Not URLSearchParams: it would turn the '+' of the compressed alphabet into spaces.
  const parts = fragment.split('&');
  const param = parts.find((part) => part.startsWith('s='));
  const expected = parts.find((part) => part.startsWith('c='))?.slice(2);
  if (param === undefined) {
    // A checksum without data: the link was cut off right after its start.
    if (expected !== undefined) return err(DAMAGED, 'damagedLink');
    return err('this link has no Kafé scenario in it (the part after # should start with "s=")', 'noScenario');
  }
  let data = param.slice(2);
  if (data.includes('%')) {
    // Some apps percent-encode links when copying them.
    try {
      data = decodeURIComponent(data);
    } catch {
      return err(DAMAGED, 'damagedLink');
    }
  }
  if (data === '') return err(DAMAGED, 'damagedLink');
  // Bounded: a short link can otherwise unpack to gigabytes (see linkDecompress.ts).
  const json = decompressLink(data, MAX_INPUT_CHARS);
  if (json === TOO_LONG) return err(TOO_BIG, 'tooBig');
  if (!json) return err(DAMAGED, 'damagedLink');
  if (expected !== undefined && checksum(json) !== expected) return err(DAMAGED, 'damagedLink');
  const shape = checkJsonText(json);
  if (!shape.ok) return shape;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    // Cut-off data usually decompresses to a truncated or garbled text.
    return err(DAMAGED, 'damagedLink');
  }
  return validateScenario(expandShared(raw));
}
