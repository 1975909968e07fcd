import { DEFAULT_REGION, type CountryCode } from '../normalise/phone.js';
import { findBankAccounts, type ExtractedBankAccount } from './find-bank-accounts.js';
import { findBrands, type BrandNames } from './find-brands.js';
import { findLinks, type ExtractedEmail, type ExtractedUrl } from './find-links.js';
import { findPhoneNumbers, type ExtractedPhone, type VictimNumber } from './find-phone-numbers.js';
import { findReferenceNumbers } from './find-reference-numbers.js';
import { findShortCodes } from './find-short-codes.js';
import { findWallets, type ExtractedWallet } from './find-wallets.js';
import { Scan } from './scan.js';

export type { BrandNames, ExtractedBankAccount, ExtractedEmail, ExtractedPhone, ExtractedUrl, ExtractedWallet, VictimNumber };
export type { ExtractedPhoneRole } from './find-phone-numbers.js';

const HAS_DIGIT = /\d/;

/** Everything a message names, each item in canonical form, with the text it came from. */
export interface ExtractedIndicators {
  readonly phones: readonly ExtractedPhone[];
  /** The reader's own number ("Your mobile 0780... was awarded"): not scam infrastructure. */
  readonly victimNumbers: readonly VictimNumber[];
  readonly shortCodes: readonly string[];
  readonly urls: readonly ExtractedUrl[];
  readonly emails: readonly ExtractedEmail[];
  readonly wallets: readonly ExtractedWallet[];
  readonly bankAccounts: readonly ExtractedBankAccount[];
  readonly referenceNumbers: readonly string[];
  /** Slugs of the given brands that the text mentions. */
  readonly brands: readonly string[];
}

/**
 * Finds every indicator in a raw message. Pure: no I/O, same input, same output.
 *
 * Each kind is found by a pattern and kept only if its normaliser (the same one explicit
 * report fields go through) accepts it, so nothing is invented. Finders run in an order
 * that settles overlaps, each taking the span it used: links (with a scheme, then email
 * addresses, then scheme-less), wallets, bank details, reference numbers (so "file
 * KTU/9023118308/03" is never a phone number), phone numbers, short codes. Each list holds an item once (phones once per role and E.164, the rest once
 * per canonical key); phones and short codes in order of appearance, the others in the
 * order their finders meet them. README.md lists the obfuscations handled.
 */
export function extractIndicators(
  text: string,
  defaultRegion: CountryCode = DEFAULT_REGION,
  brands: readonly BrandNames[] = [],
): ExtractedIndicators {
  const scan = new Scan(text);
  const { urls, emails } = findLinks(scan);
  const wallets = findWallets(scan);
  const bankAccounts = findBankAccounts(scan);
  // Numbers, references and short codes all need a digit; most chat messages have none.
  const hasDigits = HAS_DIGIT.test(scan.text);
  const referenceNumbers = hasDigits ? findReferenceNumbers(scan) : [];
  const { phones, victimNumbers } = hasDigits ? findPhoneNumbers(scan, defaultRegion) : { phones: [], victimNumbers: [] };
  const shortCodes = hasDigits ? findShortCodes(scan) : [];
  return {
    phones: uniqueBy(phones, (phone) => `${phone.role} ${phone.e164}`),
    victimNumbers: uniqueBy(victimNumbers, (phone) => phone.e164),
    shortCodes,
    urls: uniqueBy(urls, (url) => url.url),
    emails: uniqueBy(emails, (email) => email.address),
    wallets: uniqueBy(wallets, (wallet) => `${wallet.chain} ${wallet.address}`),
    bankAccounts: uniqueBy(bankAccounts, (account) => `${account.scheme} ${account.identifier}`),
    referenceNumbers: [...new Set(referenceNumbers)],
    brands: findBrands(text, brands),
  };
}

/** The first item for each key, in order of appearance. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
