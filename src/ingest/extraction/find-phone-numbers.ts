import type { PhoneVia } from '../../reports/vocabulary.js';
import type { CountryCode, NormalisedPhoneNumber } from '../normalise/phone.js';
import { MAX_PHONE_DIGITS, MIN_PHONE_DIGITS, readPhoneDigits } from '../normalise/phone-digits.js';
import { digitRuns, type DigitRun } from './digit-runs.js';
import { numberContext, type NumberContext } from './phone-context.js';
import { findPhoneLinkNumbers } from './phone-links.js';
import type { Scan } from './scan.js';
import { findVanityNumbers } from './vanity-numbers.js';

/** The roles text can give a number; CALLER_ID only comes from a report's own fields. */
export type ExtractedPhoneRole = 'CALLBACK' | 'SENDER_ID';

export type ExtractedPhone = NormalisedPhoneNumber & {
  readonly role: ExtractedPhoneRole;
  /** The number as the message wrote it ("1-800-FLOWERS", "O4l2 345 678", "wa.me/614..."). */
  readonly raw: string;
  readonly via: PhoneVia;
};
export type VictimNumber = NormalisedPhoneNumber & { readonly raw: string };

interface Found {
  readonly at: number;
  readonly context: NumberContext;
  readonly phone: NormalisedPhoneNumber;
  readonly raw: string;
  readonly via: PhoneVia;
}

/**
 * Dates (day-month-year, year-month-day) that stand alone: no digits continue or precede them
 * ("01/21/82 76/08/0" is a number written in pairs), nor a look-alike digit glued to them
 * ("+234.81.18.l1.11.05" is no 1 November 2005), and times with seconds or an am/pm.
 */
const DATE_OR_TIME =
  /(?<![\d.\-/]|[\dOolI][^\p{L}\p{N}]{1,3}|(?<!\p{L})[OolI])(?:\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}([-/.])\d{1,2}\2\d{1,2})(?![^\p{L}\p{N}]{0,3}\d)|(?<![\d.\-:])\d{1,2}[:.-]\d{2}(?:[:.-]\d{2})?\s?(?:am|pm)\b|(?<![\d.\-:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/giu;
/**
 * Whether a date- or time-shaped match holds a real date or time: "13.22.21" is CommBank's
 * 13 22 21 written with dots, not the 22nd month.
 */
function isDateOrTime(written: string): boolean {
  const parts = written.match(/\d+/g)?.map(Number) ?? [];
  if (/:|am|pm/i.test(written) || parts.length === 2) {
    const [hours = 99, minutes = 99, seconds = 0] = parts;
    return hours <= 24 && minutes <= 59 && seconds <= 59;
  }
  const [a = 0, b = 0, c = 0] = parts;
  const [day, month] = a > 31 ? [c, b] : [a, b];
  return (day >= 1 && day <= 31 && month >= 1 && month <= 12) || (a <= 31 && b >= 1 && b <= 31 && a >= 1 && a <= 12);
}

/** "$1 299 000", "Rs. 5 000 000", "USD 4 999 999": an amount, whatever its grouping. */
const AMOUNT_BEFORE = /(?:[$£€₹¥₩₽]|\b(?:rs|inr|usd|aud|nzd|cad|gbp|eur)\.?)\s*$/i;
/** "call our department number on ", "ring 0", "dial: ": the words right before say a number follows. */
const CALL_CUE_BEFORE = /\b(?:call|ring|dial|phone|contact|reach)\b[^.!?\n\d]{0,32}?(?:\bon|\bat|:)?\s*$/i;
/** How many trailing digits may be a price run into a number ("08700621170150p": 150p). */
const MAX_UNIT_DIGITS = 3;

/**
 * Phone numbers anywhere not taken by a link, wallet, bank detail or reference, in three
 * passes: links that dial or open a chat (`tel:`, `sms:`, wa.me, Viber, Telegram; the span of
 * a non-web link is taken, a web link stays for the link finder), vanity numbers
 * ("1-800-FLOWERS"), then digit runs with any separators and look-alike letters
 * (digit-runs.ts). In a run, numbers are read from its first group on, longest valid first,
 * so "0412 345 678 / 0413 111 222" gives two numbers and "1300 123 456 24/7" one.
 *
 * Roles come from the words around each number (phone-context.ts): the sender is SENDER_ID,
 * the reader's own number is returned apart, and an example, a login's or payment's origin
 * and a date or an amount are dropped. Every other number is CALLBACK: a scam message gives a
 * number for one reason, to be contacted.
 */
export function findPhoneNumbers(scan: Scan, defaultRegion: CountryCode): { phones: ExtractedPhone[]; victimNumbers: VictimNumber[] } {
  const found: Found[] = [];
  const keep = (start: number, end: number, phone: NormalisedPhoneNumber, international: boolean, via: PhoneVia, take: boolean) => {
    if (take) scan.take(start, end);
    const context = numberContext(scan.text, start, end, international);
    found.push({ at: start, context, phone, raw: scan.raw(start, end), via });
  };

  for (const link of findPhoneLinkNumbers(scan.text)) {
    // A web link (wa.me/...) was already taken whole by the link finder, as a URL.
    if (!link.isWebLink && !scan.isFree(link.start, link.end)) continue;
    const digits = link.number.replace(/\D/g, '');
    const plus = link.international || link.number.startsWith('+');
    const phone = readPhoneDigits(digits, plus, defaultRegion);
    // A link is there to be followed: never the sender header a bare "+44..." opening a message is.
    if (phone) keep(link.start, link.end, phone, false, link.via, !link.isWebLink);
  }
  for (const vanity of findVanityNumbers(scan.text)) {
    if (!scan.isFree(vanity.start, vanity.end)) continue;
    const phone = readPhoneDigits(vanity.digits, false, defaultRegion, { leadingOneApart: vanity.leadingOneApart });
    if (phone) keep(vanity.start, vanity.end, phone, false, 'text', true);
  }
  // "on 06/02/17 03-27-31 pm": a date or a time is never part of a number.
  for (const match of scan.freeMatches(DATE_OR_TIME)) {
    if (isDateOrTime(match[0])) scan.take(match.index, match.index + match[0].length);
  }
  for (const run of digitRuns(scan.text)) {
    const runStart = run.at[0]!;
    if (AMOUNT_BEFORE.test(scan.text.slice(Math.max(0, runStart - 6), runStart))) continue;
    for (const { start, end, phone, international } of numbersInRun(run, scan, defaultRegion)) {
      keep(start, end, phone, international, 'text', true);
    }
  }

  found.sort((a, b) => a.at - b.at);
  const roleOf = (context: NumberContext): ExtractedPhoneRole | null =>
    context === 'SENDER' ? 'SENDER_ID' : context === 'BODY' ? 'CALLBACK' : null;
  const phones: ExtractedPhone[] = [];
  for (const { context, phone, raw, via } of found) {
    const role = roleOf(context);
    if (role) phones.push({ ...phone, role, raw, via });
  }
  return {
    phones,
    victimNumbers: found.filter(({ context }) => context === 'VICTIM').map(({ phone, raw }) => ({ ...phone, raw })),
  };
}

/**
 * The numbers of one run: from each cut, the longest stretch up to a later cut that reads as
 * a valid number (and touches nothing taken, is not a date); then on from where it ended.
 * At most MAX_PHONE_DIGITS digits are tried from each cut, so the work per run is linear.
 */
function* numbersInRun(
  run: DigitRun,
  scan: Scan,
  region: CountryCode,
): Generator<{ start: number; end: number; phone: NormalisedPhoneNumber; international: boolean }> {
  const cuts = run.gluedToUnit ? withUnitCuts(run.cuts) : run.cuts;
  let from = 0;
  while (from < cuts.length - 1) {
    const first = cuts[from]!;
    const plusAt = run.plusAt.get(first);
    const leadingOneApart = cuts[from + 1] === first + 1 && run.digits[first] === '1';
    const trunkZeroOptional = CALL_CUE_BEFORE.test(scan.text.slice(Math.max(0, run.at[first]! - 48), run.at[first]!));
    const start = plusAt ?? run.at[first]!;
    let read: { to: number; phone: NormalisedPhoneNumber; international: boolean } | undefined;
    for (const to of endsLongestFirst(cuts, from, run.solidEnd)) {
      if (read) break;
      const last = cuts[to]!;
      const length = last - first;
      if (length > MAX_PHONE_DIGITS) continue;
      if (length < MIN_PHONE_DIGITS - 1) continue;
      const end = run.at[last - 1]! + 1;
      if (!scan.isFree(start, end)) continue;
      const digits = run.digits.slice(first, last);
      // A "+" is usually the country code's; "+!+833@+!+743" uses it as decoration.
      const international = plusAt !== undefined ? readPhoneDigits(digits, true, region) : null;
      const phone = international ?? readPhoneDigits(digits, false, region, { leadingOneApart, trunkZeroOptional });
      if (phone) read = { to, phone, international: international !== null || digits === phone.e164.slice(1) };
    }
    if (!read) {
      from++;
      continue;
    }
    const last = cuts[read.to]!;
    yield { start, end: run.at[last - 1]! + 1, phone: read.phone, international: read.international };
    from = read.to;
  }
}

/**
 * The cuts a number starting at cut `from` may end at, longest first; ends inside a trailing
 * look-alike-only tail come after the others ("1300 555 123 II" is 1300 555 123, while
 * "8 8 8 5 5 5 0 1 9 9 o" still ends in 0 when the number needs it).
 */
function* endsLongestFirst(cuts: readonly number[], from: number, solidEnd: number): Generator<number> {
  for (let to = cuts.length - 1; to > from; to--) if (cuts[to]! <= solidEnd) yield to;
  for (let to = cuts.length - 1; to > from; to--) if (cuts[to]! > solidEnd) yield to;
}

/** A run glued to a price may end up to MAX_UNIT_DIGITS digits early. */
function withUnitCuts(cuts: readonly number[]): number[] {
  const last = cuts[cuts.length - 1]!;
  const extra = Array.from({ length: MAX_UNIT_DIGITS }, (_, k) => last - MAX_UNIT_DIGITS + k).filter(
    (cut) => cut > (cuts[cuts.length - 2] ?? 0),
  );
  return [...cuts.slice(0, -1), ...extra, last];
}
