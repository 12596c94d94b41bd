/**
 * Reads the compressed part of a share link (lz-string's `compressToEncodedURIComponent` format)
 * while counting what it produces, and stops as soon as the output would exceed `maxChars`.
 *
 * Why not lz-string's own decompressor: the format is LZW, where every code can stand for a string
 * one character longer than the previous code's, so n codes can unpack to about n²/2 characters:
 * an 8 kB link unpacks to 10 million characters, a 100 kB one to over a billion, freezing or
 * crashing the tab before any size check afterwards can run. Here the work done is bounded by
 * maxChars whatever the link.
 *
 * Contract: for every input whose output fits in maxChars, returns exactly what
 * `lz.decompressFromEncodedURIComponent` returns (a string, '' or null); the property test in
 * test/scenario/linkDecompress.test.ts checks this against lz-string itself. Written from the
 * format's description (LSB-first bit groups of 6 per character; codes 0/1 = a new 8/16-bit
 * character, 2 = end of stream; code width grows as the dictionary does).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));
const BITS_PER_CHAR = 6;

/** Returned instead of the text when the text would be longer than allowed. */
export const TOO_LONG = Symbol('too long');

export function decompressLink(input: string, maxChars: number): string | null | typeof TOO_LONG {
  if (input === '') return null;
  const text = input.replace(/ /g, '+');
  const length = text.length;
  // Bit reader: characters are 6-bit groups read from their most significant bit.
  let index = 0;
  let current = VALUE_OF.get(text.charAt(index++)) ?? 0;
  let mask = 1 << (BITS_PER_CHAR - 1);
  const read = (bits: number): number => {
    let value = 0;
    for (let bit = 0; bit < bits; bit++) {
      if (current & mask) value |= 1 << bit;
      mask >>= 1;
      if (mask === 0) {
        mask = 1 << (BITS_PER_CHAR - 1);
        current = VALUE_OF.get(text.charAt(index++)) ?? 0;
      }
    }
    return value;
  };

  const dictionary: string[] = ['', '', ''];
  let width = 3;
  let untilWider = 4;
  const grew = () => {
    if (--untilWider === 0) untilWider = 2 ** width++;
  };

  const first = read(2);
  if (first === 2) return '';
  // 3 is not a valid opening code (lz-string then produces garbage text); the link is damaged.
  if (first === 3) return null;
  let previous = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary.push(previous);
  const parts = [previous];
  let produced = previous.length;

  for (;;) {
    if (index > length) return '';
    let code = read(width);
    if (code === 2) return parts.join('');
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(read(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      grew();
    }
    let entry: string;
    if (code < dictionary.length && code > 2) entry = dictionary[code];
    else if (code === dictionary.length) entry = previous + previous.charAt(0);
    else return null;
    produced += entry.length;
    if (produced > maxChars) return TOO_LONG;
    parts.push(entry);
    dictionary.push(previous + entry.charAt(0));
    grew();
    previous = entry;
  }
}
