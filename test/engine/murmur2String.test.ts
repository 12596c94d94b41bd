import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur2, murmur2String } from '../../src/engine/murmur2';

const utf8 = new TextEncoder();

describe('murmur2 of a string key', () => {
  it("equals murmur2 of the key's UTF-8 bytes, ASCII or not, short or long", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ minLength: 60, maxLength: 300 })), (key) => {
        expect(murmur2String(key)).toBe(murmur2(utf8.encode(key)));
      }),
    );
    expect(murmur2String('a\uD800b')).toBe(murmur2(utf8.encode('a\uD800b'))); // a lone surrogate
  });
});
