import { createHash } from 'node:crypto';
import { foldCompatibilityChars } from './compatibility-fold.js';

/**
 * A message's template: the key of its words once what changes from one victim to the next is taken
 * out. A crew sends one script with a new number, link, amount and reference each time, so its
 * messages share a template while another crew's messages of the same story (another Amazon parcel
 * operation, the same weeks) do not, unless it bought the same kit. Campaign detection compares the
 * templates of two groups of indicators (community-activity.ts, `scripts`); a report without text,
 * or too short to say anything, has none.
 *
 * Taken out: every word holding a digit, "@", "/", ":" or an inner "." (plain or defanged: "[.]",
 * "[dot]"), so numbers however spaced, amounts, dates, references, links, domains, addresses and
 * wallets. Kept: the other words, lower-cased, letters only and with look-alike characters folded, in
 * order; the brand's name is kept, being part of the script. Compared exactly (a hash): a changed word
 * is another template, as a rewritten script is. Reports written before templates were kept have none
 * until written again (detection reads a community without templates as saying nothing).
 */
export function messageTemplate(text: string | null | undefined): string | null {
  if (!text) return null;
  const words = foldCompatibilityChars(text)
    .toLowerCase()
    .split(/\s+/u)
    .filter((word) => !VARIABLE.test(word))
    .map((word) => word.replace(NOT_A_LETTER, ''))
    .filter((word) => word.length > 0);
  if (words.length < MIN_WORDS) return null;
  return createHash('sha256').update(words.join(' ')).digest('base64url').slice(0, 16);
}

/** A word that changes from message to message: it holds a digit or is (part of) an address, defanged ("evil[.]com") or not. */
const VARIABLE = /[\p{Nd}@/:]|\.[\p{L}[(]|\[\.\]|\(\.\)|\[dot\]/iu;
const NOT_A_LETTER = /[^\p{L}]/gu;
/** Fewer words ("Call 1300 000 000 now") are what any crew writes: no template. */
const MIN_WORDS = 6;
