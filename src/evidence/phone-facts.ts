import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** What libphonenumber-js's full ("max") metadata knows about a number: no carrier, no range holder. */
export interface PhoneFacts {
  readonly country: string | null;
  readonly callingCode: string;
  readonly numberType: string | null;
  readonly nationalNumber: string;
  readonly nationalFormat: string;
  readonly internationalFormat: string;
  /** Regions sharing the calling code where the number is possible: more than one for NANP numbers and the like. */
  readonly possibleCountries: readonly string[];
  readonly nonGeographic: boolean;
}

/** Facts for an E.164 number as stored; null for a value libphonenumber cannot parse (never stored, but never trusted). */
export function phoneFacts(e164: string): PhoneFacts | null {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return null;
  return {
    country: parsed.country ?? null,
    callingCode: parsed.countryCallingCode,
    numberType: parsed.getType() ?? null,
    nationalNumber: parsed.nationalNumber,
    nationalFormat: parsed.formatNational(),
    internationalFormat: parsed.formatInternational(),
    possibleCountries: [...parsed.getPossibleCountries()].sort(),
    nonGeographic: parsed.isNonGeographic(),
  };
}
