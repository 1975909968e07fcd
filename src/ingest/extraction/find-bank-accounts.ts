import { getCountrySpecifications } from 'ibantools';
import { normaliseBankAccount, type BankAccountInput, type NormalisedBankAccount } from '../normalise/bank-account.js';
import { EMAIL } from './link-patterns.js';
import type { Scan } from './scan.js';

export type ExtractedBankAccount = NormalisedBankAccount & { readonly raw: string };

const IBAN_LENGTHS = getCountrySpecifications();
/** Country, check digits, then letters and digits, grouped by spaces or dashes as printed. */
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){10,32}/giu;

const BSB = String.raw`\bBSB\b\.?[\s:#-]*(?:no\.?|number)?[\s:#-]*(?<bsb>\d{3}[\s-]?\d{3})(?!\d)`;
const ACCOUNT = String.raw`\b(?:acc(?:oun)?t?|a\/c)\b\.?[\s:#-]*(?:no\.?|number|num)?[\s:#.-]*(?<account>\d(?:[\s-]?\d){3,9})(?!\d)`;
/** A BSB and an account number named as such, in either order, within one short stretch. */
const BSB_AND_ACCOUNT = [
  new RegExp(String.raw`${BSB}[^\n]{0,40}?${ACCOUNT}`, 'giu'),
  new RegExp(String.raw`${ACCOUNT}[^\n]{0,40}?${BSB}`, 'giu'),
];
/** "PayID: x@y.com", "PayID is 0412 345 678", "PayID ABN 51 824 753 556". */
const PAY_ID = new RegExp(
  String.raw`\bpay\s?id\b[\s:#-]*(?:(?:is|to)\s+)?(?:abn\s*:?\s*)?(?<payId>${EMAIL.source}|\+?\d[\d\s().-]{6,18}\d)`,
  'giu',
);

const MAYBE_BSB = /bsb/i;
const MAYBE_PAY_ID = /pay\s?id/i;

/**
 * Bank details that the text names as such: IBANs (checked by mod-97 and country length,
 * wherever they stand), BSB plus account number only when labelled "BSB" and "account"/
 * "acc"/"a/c" (a bare "062-000 12345678" is too like a date or phone number to guess),
 * and PayIDs after the word "PayID".
 */
export function findBankAccounts(scan: Scan): ExtractedBankAccount[] {
  const accounts: ExtractedBankAccount[] = [];
  const keep = (start: number, end: number, input: BankAccountInput) => {
    const result = normaliseBankAccount(input);
    if (!result.ok) return;
    scan.take(start, end);
    accounts.push({ ...result.value, raw: scan.raw(start, end) });
  };

  // An IBAN has digits and a BSB needs its label: most messages skip both patterns.
  const hasDigits = /\d/.test(scan.text);
  if (hasDigits)
    for (const match of scan.freeMatches(IBAN_CANDIDATE)) {
      const length = IBAN_LENGTHS[match[0].slice(0, 2).toUpperCase()]?.chars ?? 0;
      const end = match.index + endOfNthAlphanumeric(match[0], length);
      keep(match.index, end, { iban: scan.text.slice(match.index, end) });
    }
  if (hasDigits && MAYBE_BSB.test(scan.text))
    for (const pattern of BSB_AND_ACCOUNT) {
      for (const match of scan.freeMatches(pattern)) {
        keep(match.index, match.index + match[0].length, { bsb: match.groups?.bsb, accountNumber: match.groups?.account });
      }
    }
  if (MAYBE_PAY_ID.test(scan.text))
    for (const match of scan.text.matchAll(PAY_ID)) {
      const payId = match.groups?.payId ?? '';
      const start = match.index + match[0].length - payId.length;
      keep(start, start + payId.length, { payId });
    }
  return accounts;
}

/** Offset just past the n-th letter or digit of a printed IBAN ("GB82 WEST ..."). */
function endOfNthAlphanumeric(text: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[A-Z0-9]/i.test(text[i] ?? '') && ++seen === n) return i + 1;
  }
  return text.length;
}
