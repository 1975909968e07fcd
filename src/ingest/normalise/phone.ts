import { isSupportedCountry, type CountryCode, type PhoneNumberType } from 'libphonenumber-js/max';
import { quote } from '../../text/excerpt.js';
import { foldCompatibilityChars, readLookalikeDigits } from './compatibility-fold.js';
import { MAX_PHONE_DIGITS, readPhoneDigits, type NormalisedPhoneNumber } from './phone-digits.js';
import { accept, reject, type Normalised } from './result.js';

export type { CountryCode, NormalisedPhoneNumber, PhoneNumberType };

export const DEFAULT_REGION: CountryCode = 'AU';

/**
 * An extension is a switchboard detail, not a different line: the number before it is the
 * infrastructure, so it is kept and the extension dropped ("+61 4 1234 5678 ext. 99" is
 * +61412345678).
 */
const TRAILING_EXTENSION = /\s*(?:(?:ext|extn|extension|x)\.?|#|;\s*ext=)\s*\d{1,10}\s*$/i;
/** "tel:" links and "Tel." labels are the only words a phone field may carry. */
const LEADING_TEL = /^\s*tel[.:]?\s*/i;
/** Digits, an optional leading plus and the separators people write numbers with. */
const DIGITS_AND_SEPARATORS = /^\(?\+?[\d\s().\-/\p{Pd}]+$/u;
const INTERNATIONAL = /^\(?\+/;
/** "1-888-...", "1 (800) ...": a North American number's 1 written apart. */
const LEADING_ONE_APART = /^\(?1[\s.\-/()\p{Pd}]/u;
/** Longer than any number written with separators and an extension: refused before folding, which costs seconds on megabytes. */
const MAX_WRITTEN = 200;

/**
 * Normalises one phone number as a person wrote it.
 *
 * Accepts national and international formats for `defaultRegion` with spaces, dots, dashes,
 * slashes, brackets, "+61 (0) 4...", IDD prefixes ("0011 61 ...", "00 44 ..."), full-width
 * and other scripts' digits, letter O/l/I read as digits inside a digit run, a "tel:" prefix
 * and a trailing extension (dropped); a North American number with its 1 ("1-888-...") and
 * other countries' IDD prefixes ("011 44 ...") in any region (phone-digits.ts). Rejects anything with other words or letters (vanity
 * numbers such as "1-800-FLOWERS" included), short codes and numbers that libphonenumber's
 * full metadata does not hold valid, all with INVALID_PHONE_NUMBER.
 */
export function normalisePhoneNumber(raw: string, defaultRegion: CountryCode = DEFAULT_REGION): Normalised<NormalisedPhoneNumber> {
  if (raw.length > MAX_WRITTEN) {
    return reject('INVALID_PHONE_NUMBER', `a phone number is written in at most ${MAX_WRITTEN} characters, got ${quote(raw)}`);
  }
  const cleaned = readLookalikeDigits(foldCompatibilityChars(raw)).replace(LEADING_TEL, '').replace(TRAILING_EXTENSION, '').trim();
  if (!DIGITS_AND_SEPARATORS.test(cleaned)) {
    return reject('INVALID_PHONE_NUMBER', `a phone number holds only digits and separators, got ${quote(raw)}`);
  }
  const digits = cleaned.replace(/\D/g, '');
  if (digits.length > MAX_PHONE_DIGITS) {
    return reject('INVALID_PHONE_NUMBER', `a phone number has at most ${MAX_PHONE_DIGITS} digits, got ${quote(raw)}`);
  }
  // A field says it holds a number, so a missing trunk 0 is read as meant ("412 345 678").
  const read = readPhoneDigits(digits, INTERNATIONAL.test(cleaned), defaultRegion, {
    leadingOneApart: LEADING_ONE_APART.test(cleaned),
    trunkZeroOptional: true,
  });
  if (!read) {
    return reject('INVALID_PHONE_NUMBER', `not a valid phone number for region ${defaultRegion}: ${quote(raw)}`);
  }
  return accept(read);
}

/**
 * Reads a report's defaultRegion: ISO 3166-1 alpha-2 in any case, AU when absent or blank.
 * Regions libphonenumber has no metadata for are rejected with INVALID_REGION.
 */
export function parseRegion(raw?: string): Normalised<CountryCode> {
  const region = raw?.trim().toUpperCase() ?? '';
  if (region === '') return accept(DEFAULT_REGION);
  if (isSupportedCountry(region)) return accept(region);
  return reject('INVALID_REGION', `defaultRegion must be an ISO 3166-1 alpha-2 code, got ${quote(raw)}`);
}
