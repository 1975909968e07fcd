import { describe, expect, it } from 'vitest';
import {
  foldCompatibilityChars,
  foldCompatibilityCharsWithOffsets,
  readLookalikeDigits,
} from '../../src/ingest/normalise/compatibility-fold.js';
import { refang } from '../../src/ingest/normalise/defang.js';

describe('foldCompatibilityChars', () => {
  it("reads every script's digits and full-width signs as ASCII", () => {
    expect(foldCompatibilityChars('＋６１ ٤١٢ ४५६ 𝟕𝟖𝟗 ①')).toBe('+61 412 456 789 1');
    expect(foldCompatibilityChars('ｅｖｉｌ．ｃｏｍ')).toBe('evil.com');
  });

  it('keeps letters of other scripts as they are', () => {
    expect(foldCompatibilityChars('cömmbank.рф')).toBe('cömmbank.рф');
  });

  it('maps each folded unit back to the character it came from', () => {
    const folded = foldCompatibilityCharsWithOffsets('a𝟕b');
    expect(folded.text).toBe('a7b');
    expect(folded.sourceIndex).toEqual([0, 1, 3]);
  });
});

describe('readLookalikeDigits', () => {
  it('reads O as 0 and l or I as 1 inside a digit run', () => {
    expect(readLookalikeDigits('call O4l2 345 67I')).toBe('call 0412 345 671');
  });

  it('leaves words and mostly-letter runs alone', () => {
    expect(readLookalikeDigits('O2 IOI lol l0l Oslo 4G')).toBe('O2 IOI lol l0l Oslo 4G');
  });
});

describe('refang', () => {
  it('undoes defanged schemes, dots and at signs', () => {
    expect(refang('hXXps[:]//evil[.]example(dot)com user (at) evil {.} com')).toBe('https://evil.example.com user@evil.com');
  });

  it('leaves ordinary text alone', () => {
    expect(refang('see (this) [note] at 5')).toBe('see (this) [note] at 5');
  });
});
