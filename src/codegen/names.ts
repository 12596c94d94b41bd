/**
 * Safe text for generated files. Labels, group names, keys and the scenario's name are typed by
 * the learner (or come from a shared link): untrusted. Every piece of such text goes into a
 * generated file through exactly one of these helpers, chosen by where it lands:
 *
 * - a file name or npm script name → `slug` / `uniqueSlugs` ([a-z0-9-] only);
 * - a TypeScript or JSON string literal → `jsString` (JSON.stringify escapes quotes, backslashes
 *   and control characters; `${` cannot start a substitution outside a template literal);
 * - a comment → `commentText` (one line, no "*\/") or `commentBlock` (wrapped `//` lines);
 * - Markdown prose or a table cell → `mdText` (no line breaks; Markdown and HTML characters
 *   escaped).
 */

/** Lower-case ASCII words joined by "-", at most `max` characters; "" when nothing is left. */
export function slug(text: string, max = 40): string {
  return text
    .normalize('NFKD')
    // NFKD splits "é" into "e" and a combining accent: drop the accents, keep the letters.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/**
 * npm runs `pre<name>` and `post<name>` around `npm run <name>`, and some names are npm's own
 * lifecycle scripts: a script may not take these names or start with these prefixes, or running
 * one node could run another.
 */
const RESERVED = new Set([
  'create-topics',
  'typecheck',
  'install',
  'uninstall',
  'test',
  'start',
  'stop',
  'restart',
  'build',
  'prepare',
  'prepack',
  'postpack',
  'pack',
  'publish',
  'version',
  'dependencies',
]);
const HOOK_PREFIX = /^(pre|post)/;

/**
 * One unique, safe name per item, in order: the slug of its label, else the slug of its id,
 * else `${kind}`; prefixed with its kind when reserved (see above); "-2", "-3"... on collisions.
 * Names are compared lower-case, so two nodes never share a file on a case-insensitive disk.
 */
export function uniqueSlugs(items: readonly { label: string; id: string; kind: string }[]): string[] {
  const taken = new Set<string>();
  return items.map(({ label, id, kind }) => {
    let base = slug(label) || slug(id) || kind;
    if (RESERVED.has(base) || HOOK_PREFIX.test(base)) base = `${kind}-${base}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name;
  });
}

/** A TypeScript/JSON string literal holding exactly `text`. */
export const jsString = (text: string): string => JSON.stringify(text);

/** A JSON value that is not an object or array (JSON strings never hold a raw line break). */
const SCALAR = String.raw`(?:"(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null)`;
const SCALAR_ARRAY = new RegExp(String.raw`\[\n\s+(${SCALAR}(?:,\n\s+${SCALAR})*)\n\s*\]`, 'g');

/**
 * A JSON-serialisable value as a TypeScript literal that is also valid JSON: indented by two,
 * with arrays of scalars kept on one line (`["orders", "payments"]`).
 */
export function jsLiteral(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(SCALAR_ARRAY, (_all, items: string) => `[${items.replace(/,\n\s+/g, ', ')}]`);
}

/** `text` as `// ` comment lines of at most `width` characters (words are never split). */
export function commentBlock(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of commentText(text).split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - 3) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `// ${l}`).join('\n');
}

/** Text safe inside a one-line `//` comment or a block comment. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /');
}

/** Text safe as Markdown prose or inside a table cell: shown literally, on one line. */
export function mdText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_[\]<>|#&~]/g, (c) => `\\${c}`);
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
