import fc from 'fast-check';
import LZString from 'lz-string';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decompressLink, TOO_LONG } from '../../src/scenario/linkDecompress';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const linkChars = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 400 });

describe('the bounded share-link decompressor', () => {
  it('reads back whatever lz-string compressed, for any text (including astral and lone surrogates)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const link = LZString.compressToEncodedURIComponent(text);
        expect(decompressLink(link, 1_000_000)).toBe(text);
        // A copy that turned '+' into spaces reads the same, as with lz-string.
        expect(decompressLink(link.replace(/\+/g, ' '), 1_000_000)).toBe(text);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('agrees with lz-string on damaged or random links wherever it finds a readable stream', () => {
    fc.assert(
      fc.property(linkChars, (garbage) => {
        const mine = decompressLink(garbage, 1_000_000);
        if (typeof mine === 'string') expect(mine).toBe(LZString.decompressFromEncodedURIComponent(garbage));
        else expect(mine === null || mine === TOO_LONG).toBe(true);
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it('stops at the limit on a link that unpacks to far more than it is long', () => {
    // test/fixtures/share-link-bomb.txt: 10 million "a"s compressed by lz-string into about 8 kB.
    const bomb = readFileSync(new URL('../fixtures/share-link-bomb.txt', import.meta.url), 'utf8').trim();
    expect(bomb.length).toBeLessThan(10_000);
    expect(decompressLink(bomb, 2_000_000)).toBe(TOO_LONG);
    const small = LZString.compressToEncodedURIComponent('a'.repeat(1001));
    expect(decompressLink(small, 1001)).toBe('a'.repeat(1001));
    expect(decompressLink(small, 1000)).toBe(TOO_LONG);
  }, 120_000);
});
