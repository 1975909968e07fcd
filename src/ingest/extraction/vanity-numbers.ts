/**
 * Vanity numbers: a toll-free or shared-cost prefix followed by a word spelt on the keypad
 * ("1-800-FLOWERS", "1300 MY BANK", "0800 HMRC TAX"), read as their digits.
 */

export interface VanityNumber {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** The country code 1 was written apart ("1-800-", "+1 800"), as North American numbers are. */
  readonly leadingOneApart: boolean;
}

const KEYPAD: Readonly<Record<string, string>> = Object.fromEntries(
  ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'].flatMap((letters, key) =>
    [...letters].map((letter) => [letter, String(key + 2)]),
  ),
);

/**
 * The prefixes vanity numbers are sold under: North American toll-free and premium codes,
 * Australian 13/1300/1800, British and Irish 0800/0808/1800. The word is capitals only and
 * fills the number exactly (no letters beyond its length), so "0800 now" stays words.
 */
const VANITY = new RegExp(
  String.raw`(?<![\p{L}\p{N}+])(?<one>\+?1[ .\-]{1,2})?(?<prefix>\(?(?:8(?:00|33|44|55|66|77|88)|900)\)?|1[38]00|0800|0808|13)[ .\-]{1,2}(?<word>[A-Z0-9]{2,}(?:[ .\-][A-Z0-9]{2,}){0,2})(?![\p{L}\p{N}])`,
  'gu',
);
/** Words shouted in adverts after a number ("CALL 0800 NOW FREE"); never part of a vanity word. */
const ADVERT_WORDS = new Set([
  'NOW',
  'FREE',
  'FOR',
  'TO',
  'ON',
  'OR',
  'AND',
  'THE',
  'CALL',
  'TODAY',
  'TEXT',
  'TXT',
  'STOP',
  'INFO',
  'HELP',
  'YES',
  'NO',
  'WIN',
  'ONLY',
  'PER',
  'MIN',
  'FROM',
  'TEL',
  'PPM',
  'AM',
  'PM',
  'HRS',
  'DAYS',
  'OPEN',
]);
const MIN_LETTERS = 3;

/** Vanity numbers in `text`, each with its digits; the caller checks they are valid. */
export function* findVanityNumbers(text: string): Generator<VanityNumber> {
  if (!/[A-Z]{3}/.test(text)) return;
  for (const match of text.matchAll(VANITY)) {
    const { one = '', prefix = '', word = '' } = match.groups ?? {};
    const words = word.split(/[ .-]/);
    if (words.some((part) => ADVERT_WORDS.has(part))) continue;
    const letters = word.replace(/[^A-Z]/g, '');
    // "1-877-271-XXXX" is a number masked by whoever quoted it, not a word.
    if (letters.length < MIN_LETTERS || /^X+$/.test(letters)) continue;
    const digits = `${one.replace(/\D/g, '')}${prefix.replace(/\D/g, '')}${[...word]
      .map((char) => KEYPAD[char] ?? char)
      .join('')
      .replace(/\D/g, '')}`;
    yield { start: match.index, end: match.index + match[0].length, digits, leadingOneApart: one !== '' };
  }
}
