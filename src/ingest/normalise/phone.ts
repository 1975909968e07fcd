import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumberType,
} from 'libphonenumber-js/max';
import { foldCompatibilityChars, readLookalikeDigits } from './compatibility-fold.js';
import { accept, reject, type Normalised } from './result.js';
import { quote } from '../../text/excerpt.js';

export type { CountryCode, PhoneNumberType };

export interface NormalisedPhoneNumber {
  /** The canonical key: E.164, e.g. "+61412345678". */
  readonly e164: string;
  /** ISO 3166-1 alpha-2; null for non-geographic numbers (+800, +882, ...). */
  readonly country: CountryCode | null;
  /** From libphonenumber's full ("max") metadata; null when the number fits no one type. */
  readonly numberType: PhoneNumberType | null;
}

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
const MAX_DIGITS = 17; // E.164 allows 15; a national trunk or IDD prefix adds a few
/** Longer than any number written with separators and an extension: refused before folding, which costs seconds on megabytes. */
const MAX_WRITTEN = 200;

/**
 * Normalises one phone number as a person wrote it.
 *
 * Accepts national and international formats for `defaultRegion` with spaces, dots, dashes,
 * slashes, brackets, "+61 (0) 4...", IDD prefixes ("0011 61 ...", "00 44 ..."), full-width
 * and other scripts' digits, letter O/l/I read as digits inside a digit run, a "tel:" prefix
 * and a trailing extension (dropped). Rejects anything with other words or letters (vanity
 * numbers such as "1-800-FLOWERS" included), short codes and numbers that libphonenumber's
 * full metadata does not hold valid, all with INVALID_PHONE_NUMBER.
 */
export function normalisePhoneNumber(
  raw: string,
  defaultRegion: CountryCode = DEFAULT_REGION,
): Normalised<NormalisedPhoneNumber> {
  if (raw.length > MAX_WRITTEN) {
    return reject('INVALID_PHONE_NUMBER', `a phone number is written in at most ${MAX_WRITTEN} characters, got ${quote(raw)}`);
  }
  const cleaned = readLookalikeDigits(foldCompatibilityChars(raw))
    .replace(LEADING_TEL, '')
    .replace(TRAILING_EXTENSION, '')
    .trim();
  if (!DIGITS_AND_SEPARATORS.test(cleaned)) {
    return reject('INVALID_PHONE_NUMBER', `a phone number holds only digits and separators, got ${quote(raw)}`);
  }
  if (cleaned.replace(/\D/g, '').length > MAX_DIGITS) {
    return reject('INVALID_PHONE_NUMBER', `a phone number has at most ${MAX_DIGITS} digits, got ${quote(raw)}`);
  }
  const parsed = parsePhoneNumberFromString(cleaned, { defaultCountry: defaultRegion });
  if (!parsed?.isValid()) {
    return reject('INVALID_PHONE_NUMBER', `not a valid phone number for region ${defaultRegion}: ${quote(raw)}`);
  }
  return accept({
    e164: parsed.number,
    country: parsed.country ?? null,
    numberType: parsed.getType() ?? null,
  });
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
