import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { readLookalikeDigits } from '../normalise/compatibility-fold.js';
import { normalisePhoneNumber, type CountryCode, type NormalisedPhoneNumber } from '../normalise/phone.js';
import { numberContext, type NumberContext } from './phone-context.js';
import type { Scan } from './scan.js';

/** The roles text can give a number; CALLER_ID only comes from a report's own fields. */
export type ExtractedPhoneRole = 'CALLBACK' | 'SENDER_ID';

export type ExtractedPhone = NormalisedPhoneNumber & { readonly role: ExtractedPhoneRole; readonly raw: string };
export type VictimNumber = NormalisedPhoneNumber & { readonly raw: string };

/** A letter glued to a digit run ("call09061701461now"); blanked so the number stands alone. */
const LETTER_TOUCHING_DIGITS = /[A-Za-z](?=\+?\d{6})|(?<=\d{6})[A-Za-z]/g;
/**
 * "Call 9891943823,9891943780": libphonenumber's matcher reads across a comma and reports a
 * span holding both halves; a hard separator in its place lets it find each number. Only
 * between two long digit runs, so "$3,163.95" never yields a "163.95".
 */
const COMMA_BETWEEN_NUMBERS = /(?<=\d{6}),(?=\d{6})/g;
/** A number run into a price or a time: "08700621170150p", "087123002209am-7pm", "08717890890£1.50". */
const NUMBER_GLUED_TO_UNIT = /(?<![\d+])\+?\d{9,18}(?=(?:p|ppm|am|pm)\b|p\/|[£$€])/gi;
const MAX_UNIT_DIGITS = 3;
/** "29-11-2016 15:04" read as 029 1120 1615: a day-month-year date is never a phone number. */
const DATE_SHAPED = /^\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})(?!\d)/;

/**
 * Phone numbers valid for `defaultRegion` (or written internationally), anywhere not taken
 * by a link, wallet or bank detail. Each is found by libphonenumber's matcher (full metadata)
 * over a copy of the text with look-alike letters read as digits and letters glued to a
 * number blanked out, and is kept only if normalisePhoneNumber accepts its original writing.
 *
 * Roles: a number shown as the sender is SENDER_ID; the reader's own number is returned
 * apart, as a victim number; every other number is CALLBACK, because a scam message's body
 * gives a number for one reason: to be contacted ("call", "ring", "text back", "WhatsApp"
 * or a bare "Info: 0794..."). A number shown as an example ("eg ... 07123456789") is dropped,
 * and so is anything written like a date ("29-11-2016 15"), whatever libphonenumber makes of it.
 */
export function findPhoneNumbers(
  scan: Scan,
  defaultRegion: CountryCode,
): { phones: ExtractedPhone[]; victimNumbers: VictimNumber[] } {
  const withDigits = readLookalikeDigits(scan.text);
  const found: Array<{ at: number; context: NumberContext; phone: NormalisedPhoneNumber; raw: string }> = [];
  const keep = (start: number, end: number): boolean => {
    const raw = scan.raw(start, end);
    if (DATE_SHAPED.test(scan.text.slice(start, end))) return false;
    const result = normalisePhoneNumber(raw, defaultRegion);
    if (!result.ok) return false;
    scan.take(start, end);
    const international = digitsOf(withDigits.slice(start, end)) === digitsOf(result.value.e164);
    found.push({ at: start, context: numberContext(scan.text, start, end, international), phone: result.value, raw });
    return true;
  };

  const searchable = withDigits.replace(LETTER_TOUCHING_DIGITS, ' ').replace(COMMA_BETWEEN_NUMBERS, '|');
  for (const { startsAt, endsAt } of findPhoneNumbersInText(searchable, { defaultCountry: defaultRegion })) {
    if (scan.isFree(startsAt, endsAt)) keep(startsAt, endsAt);
  }
  // The matcher cannot split "08700621170150p"; try the longest valid number before the price.
  for (const match of scan.freeMatches(NUMBER_GLUED_TO_UNIT, withDigits)) {
    const end = match.index + match[0].length;
    for (let cut = end; cut >= end - MAX_UNIT_DIGITS && !keep(match.index, cut); cut--);
  }

  found.sort((a, b) => a.at - b.at);
  return {
    phones: found
      .filter(({ context }) => context === 'SENDER' || context === 'BODY')
      .map(({ context, phone, raw }) => ({ ...phone, role: context === 'SENDER' ? 'SENDER_ID' : 'CALLBACK', raw })),
    victimNumbers: found.filter(({ context }) => context === 'VICTIM').map(({ phone, raw }) => ({ ...phone, raw })),
  };
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
