import { parsePhoneNumberFromString, type CountryCode, type PhoneNumberType } from 'libphonenumber-js/max';

export interface NormalisedPhoneNumber {
  /** The canonical key: E.164, e.g. "+61412345678". */
  readonly e164: string;
  /** ISO 3166-1 alpha-2; null for non-geographic numbers (+800, +882, ...). */
  readonly country: CountryCode | null;
  /** From libphonenumber's full ("max") metadata; null when the number fits no one type. */
  readonly numberType: PhoneNumberType | null;
}

/** E.164 allows 15 digits; a national trunk or an IDD prefix adds a few. */
export const MAX_PHONE_DIGITS = 17;
/** Shorter digit runs in running text are not read as numbers (a few islands have 5-digit ones). */
export const MIN_PHONE_DIGITS = 7;
/** Ascension and Niue numbers have 4 or 5 digits; no region has fewer. */
const MIN_ANY_DIGITS = 4;

/**
 * International call prefixes people copy from other countries' numbers: "00" (most of the
 * world), "011" (North America), "0011" and "0015" (Australia), longest first. The default
 * region's own prefix is libphonenumber's business; these are tried only when it fails.
 */
const FOREIGN_IDD = ['0011', '0015', '011', '00'] as const;

/** Parsing with the full metadata costs tens of microseconds; numbers recur across messages. */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, NormalisedPhoneNumber | null>();

/**
 * Reads a bare digit string as a phone number: `international` when it was written after a
 * "+". Tried in this order, the first valid reading wins:
 * 1. as written for `region` (national form, or the region's own IDD prefix, "0011 61 ..." in AU);
 * 2. after a foreign IDD prefix ("011 44 20 ...", "00 1 888 ..." read in AU);
 * 3. a North American number with its leading 1 ("1-888-555-0123" or "1 (800) ..." in a message
 *    read as AU or GB), when the 1 was written apart (`leadingOneApart`) or the number is toll-free:
 *    an eleven-digit order number starting with 1 is not a US line.
 * A number written internationally without its "+" ("61412345678" in AU) is libphonenumber's
 * own reading of step 1; other countries' codes without a "+" are not guessed.
 * Returns null when no reading is valid in libphonenumber's full metadata.
 */
export function readPhoneDigits(
  digits: string,
  international: boolean,
  region: CountryCode,
  { leadingOneApart = false, trunkZeroOptional = false }: ReadingHints = {},
): NormalisedPhoneNumber | null {
  if (digits.length < MIN_ANY_DIGITS || digits.length > MAX_PHONE_DIGITS) return null;
  const key = `${region}${international ? '+' : ' '}${leadingOneApart ? 1 : 0}${trunkZeroOptional ? 1 : 0}${digits}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const trunkRegion = trunkZeroOptional ? undefined : region;
  const read = international ? parseValid(`+${digits}`) : readNational(digits, region, leadingOneApart, trunkRegion);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, read);
  return read;
}

const NORTH_AMERICAN_TOLL_FREE = /^1(?:800|833|844|855|866|877|888)/;

/** What the writing around the digits says. */
export interface ReadingHints {
  /** The 1 of a North American number was written apart ("1-888-...", "1 (800) ..."). */
  readonly leadingOneApart?: boolean;
  /**
   * The words say a number follows ("call our department on 280 909 306"), so a number missing
   * its trunk 0 (a voicemail transcript's habit) may be read without it.
   */
  readonly trunkZeroOptional?: boolean;
}

function readNational(
  digits: string,
  region: CountryCode,
  leadingOneApart: boolean,
  trunkRegion: CountryCode | undefined,
): NormalisedPhoneNumber | null {
  const asWritten = parseValid(digits, region, trunkRegion);
  if (asWritten) return asWritten;
  for (const prefix of FOREIGN_IDD) {
    if (digits.startsWith(prefix)) return parseValid(`+${digits.slice(prefix.length)}`);
  }
  if (digits.length === 11 && digits.startsWith('1') && (leadingOneApart || NORTH_AMERICAN_TOLL_FREE.test(digits))) {
    return parseValid(`+${digits}`);
  }
  return null;
}

/**
 * Regions whose people always write the trunk 0 of a national number ("02 4587 4120", never
 * "245874120"): without it, a run of digits in a reference ("B142/245874120KYT") is not a
 * number libphonenumber may guess. Not India and its neighbours, where "98765 43210" is the
 * usual writing of a mobile; 13/1300/1800 numbers have no trunk 0 and are unaffected.
 */
const TRUNK_ZERO_WRITTEN = new Set<CountryCode>([
  'AU',
  'NZ',
  'GB',
  'IE',
  'ZA',
  'DE',
  'FR',
  'NL',
  'BE',
  'AT',
  'CH',
  'SE',
  'FI',
  'JP',
  'KR',
  'TR',
  'IL',
  'MY',
  'TH',
]);

function parseValid(text: string, region?: CountryCode, trunkRegion?: CountryCode): NormalisedPhoneNumber | null {
  const parsed = region ? parsePhoneNumberFromString(text, region) : parsePhoneNumberFromString(text);
  if (!parsed?.isValid()) return null;
  if (
    trunkRegion &&
    TRUNK_ZERO_WRITTEN.has(trunkRegion) &&
    !text.startsWith('0') &&
    text !== `${parsed.countryCallingCode}${parsed.nationalNumber}`
  ) {
    if (parsed.formatNational().replace(/\D/g, '').startsWith('0')) return null;
  }
  return { e164: parsed.number, country: parsed.country ?? null, numberType: parsed.getType() ?? null };
}
