/**
 * Folding of look-alike characters that scammers (and phone keyboards) put into text:
 * full-width and mathematical digits, other scripts' decimal digits, full-width "+", "@", ".".
 */

/** A folded text plus, for each of its UTF-16 units, the index of the unit it came from. */
export interface FoldedText {
  readonly text: string;
  readonly sourceIndex: readonly number[];
}

const NON_ASCII_CODE_POINT = /[^\u0000-\u007f]/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * Maps every code point whose NFKC form is one ASCII character to that character, every
 * other Unicode decimal digit (Arabic-Indic, Devanagari, ...) to its ASCII digit, and drops
 * invisible characters (zero-width, soft hyphen, bidi marks, variation selectors). Everything
 * else, including IDN letters, is kept as it is. Unlike a whole-string NFKC, this keeps
 * one output unit per folded code point, so offsets can be mapped back to the raw text.
 */
export function foldCompatibilityCharsWithOffsets(raw: string): FoldedText {
  let text = '';
  const sourceIndex: number[] = [];
  let index = 0;
  for (const char of raw) {
    const folded = NON_ASCII_CODE_POINT.test(char) ? foldCodePoint(char) : char;
    for (let unit = 0; unit < folded.length; unit++) sourceIndex.push(index);
    text += folded;
    index += char.length;
  }
  return { text, sourceIndex };
}

/** {@link foldCompatibilityCharsWithOffsets} without the offsets. */
export function foldCompatibilityChars(raw: string): string {
  return foldCompatibilityCharsWithOffsets(raw).text;
}

/** Zero-width characters, soft hyphens, bidi marks and variation selectors: they never show. */
const INVISIBLE = /^[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u;

function foldCodePoint(char: string): string {
  // Dropped, so "04\u200B12" reads as "0412" and "evil\u200B.com" as "evil.com".
  if (INVISIBLE.test(char)) return '';
  const compatible = char.normalize('NFKC');
  if (compatible.length === 1 && compatible.charCodeAt(0) < 0x80) return compatible;
  return DECIMAL_DIGIT.test(char) ? String(decimalDigitValue(char)) : char;
}

/**
 * Unicode lays out every script's decimal digits as a contiguous 0..9 block, so a digit's
 * value is its distance from the start of its run of digits, modulo 10 (some blocks, such
 * as the mathematical digits, sit back to back).
 */
function decimalDigitValue(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  let start = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

/** A run of digits with O/o standing for 0 and l/I for 1, bounded by non-alphanumerics. */
const DIGIT_RUN_WITH_LOOKALIKES = /(?<![\p{L}\p{N}])[0-9OolI]+(?![\p{L}\p{N}])/gu;
const LOOKALIKE_LETTER = /[OolI]/g;

/** The digit a look-alike letter stands for: O and o for 0, l and I for 1. */
export const lookalikeDigit = (char: string): string | undefined =>
  char === 'O' || char === 'o' ? '0' : char === 'l' || char === 'I' ? '1' : undefined;
const MIN_REAL_DIGITS = 2;

/**
 * Reads letter O/o as 0 and l/I as 1 inside a run of digits ("O4l2" → "0412"). Only where
 * it is unambiguous: the run holds nothing but digits and those four letters, is not part
 * of a word, has at least two real digits and no more letters than digits (so "O2", "IOI",
 * "lol" and "l0l" stay as written).
 * Keeps the text's length, so offsets stay valid.
 */
export function readLookalikeDigits(text: string): string {
  return text.replace(DIGIT_RUN_WITH_LOOKALIKES, (run) => {
    const realDigits = run.replace(LOOKALIKE_LETTER, '').length;
    if (realDigits < MIN_REAL_DIGITS || run.length - realDigits > realDigits) return run;
    return run.replace(LOOKALIKE_LETTER, (letter) => lookalikeDigit(letter) ?? letter);
  });
}
