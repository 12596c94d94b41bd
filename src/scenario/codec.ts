import lzNamespace from 'lz-string';
import { MAX_INPUT_CHARS } from './bounds';
import type { Scenario } from './schema';
import { compactForShare } from './shareForm';

/**
 * Writing scenarios as text: exported JSON files and share links. Reading them back (and checking
 * them with the zod schema) is validate.ts's job, in a chunk of its own that the first screen does
 * not load (store/lazyValidation.ts).
 */

export { MAX_INPUT_CHARS };

// lz-string is CommonJS; its typings describe named exports. Under Vite (browser) the default
// import is the module object; under Node's ESM loader too. Fall back just in case.
type Lz = typeof import('lz-string');
const lz: Lz = ((lzNamespace as unknown as { default?: Lz }).default ?? lzNamespace) as unknown as Lz;

/** Pretty JSON for export; keys in the order the scenario object was built (stable for diffs). */
export function scenarioToJson(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/**
 * The part of a share URL after '#': `c=<checksum>&s=<lz-string compressToEncodedURIComponent(JSON)>`,
 * where the JSON is the scenario in its share form (node props equal to the link-format defaults
 * left out, see shareForm.ts). The alphabet (letters, digits, + - $) needs no further escaping.
 * The checksum comes first so a link cut off when copied still carries it: lz-string can decode a
 * truncated stream to a plausible text, and the checksum is what tells us it is not the original.
 */
export function encodeShareFragment(s: Scenario): string {
  const json = JSON.stringify(compactForShare(s));
  return `c=${checksum(json)}&s=${lz.compressToEncodedURIComponent(json)}`;
}

/** FNV-1a (32-bit) over UTF-16 code units, base 36: a cheap integrity check, not security. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
