import type { z } from 'zod';
import { brandAliasKey } from '../brands/brand-key.js';
import { claimedBrandOf, type ClaimedBrand } from '../brands/claimed-brand.js';
import type { PhoneRole } from '../reports/vocabulary.js';
import { extractIndicators, type BrandNames } from './extraction/extract-indicators.js';
import { IndicatorSet } from './indicator-set.js';
import type { ReportInput, InputError } from './report-input.js';
import { ReportShape, type ReportFields } from './report-shape.js';
import { normaliseBankAccount } from './normalise/bank-account.js';
import { normaliseEmail } from './normalise/email.js';
import { normalisePhoneNumber, parseRegion } from './normalise/phone.js';
import type { Normalised } from './normalise/result.js';
import { normaliseUrl } from './normalise/url.js';
import { normaliseWallet } from './normalise/wallet.js';

/** A report whose every field passed: canonical keys, ready to become a write row. */
export interface ValidReport {
  readonly source: string;
  readonly externalId: string | null;
  readonly receivedAt: Date;
  /** The report's own date (first and last seen come from it); null when its source gives none. */
  readonly reportedAt: Date | null;
  readonly channel: ReportFields['channel'];
  readonly scamType: NonNullable<ReportFields['scamType']> | null;
  readonly claimedBrand: ClaimedBrand | null;
  readonly text: string | null;
  readonly defaultRegion: string;
  readonly referenceNumbers: readonly string[];
  readonly indicators: IndicatorSet;
}

export interface ValidationOptions {
  readonly defaultSource: string;
  /** The registry, for a brand named in the text when claimedBrand is absent. */
  readonly brands: readonly BrandNames[];
  readonly textExcerptMax: number;
  readonly now: Date;
  /** What an item giving neither reportedAt nor receivedAt is dated: see UndatedAs. */
  readonly undated: UndatedAs;
}

/**
 * The date of a report whose source gives none. 'receipt': its receivedAt, for a person reporting
 * through the API (reported when received). 'unknown': no date, for reports imported from a file
 * or a feed (CryptoScamDB, a CSV without a date column), whose receipt is only the import's time.
 */
export type UndatedAs = 'receipt' | 'unknown';

export type Validation = { ok: true; report: ValidReport } | { ok: false; errors: InputError[] };

const EARLIEST_REPORT = new Date('1990-01-01T00:00:00Z');
const CLOCK_SKEW_MS = 24 * 3600 * 1000;
const PHONE_FIELDS: ReadonlyArray<readonly [keyof ReportFields & string, PhoneRole]> = [
  ['callbackNumbers', 'CALLBACK'],
  ['callerIds', 'CALLER_ID'],
  ['senderIds', 'SENDER_ID'],
];

/**
 * Validates and normalises one ReportInput: structure first (zod), then each indicator with its
 * normaliser, then the text's extracted indicators merged in. Collects every error, so a client
 * fixes a report in one round; an item with any error writes nothing.
 */
export function validateReport(input: ReportInput, options: ValidationOptions): Validation {
  const shape = ReportShape.safeParse(input);
  if (!shape.success) return { ok: false, errors: shape.error.issues.map(toInputError) };
  const fields = shape.data;
  const errors: InputError[] = [];
  const check = <T>(field: string, result: Normalised<T>): T | undefined => {
    if (result.ok) return result.value;
    errors.push({ field, code: result.code, message: result.message });
    return undefined;
  };

  const region = check('defaultRegion', parseRegion(fields.defaultRegion ?? undefined)) ?? 'AU';
  const receivedAt = fields.receivedAt ?? options.now;
  if (receivedAt < EARLIEST_REPORT || receivedAt.getTime() > options.now.getTime() + CLOCK_SKEW_MS) {
    errors.push({ field: 'receivedAt', code: 'INVALID_DATE', message: 'receivedAt must lie between 1990 and now' });
  }
  // A source that gave receivedAt gave the report's date (the importers' date columns, STIX, MISP).
  const reportedAt = fields.reportedAt ?? fields.receivedAt ?? (options.undated === 'receipt' ? receivedAt : null);
  if (fields.reportedAt && (fields.reportedAt < EARLIEST_REPORT || fields.reportedAt.getTime() > options.now.getTime() + CLOCK_SKEW_MS)) {
    errors.push({ field: 'reportedAt', code: 'INVALID_DATE', message: 'reportedAt must lie between 1990 and now' });
  }

  if (fields.claimedBrand && brandAliasKey(fields.claimedBrand) === '') {
    errors.push({ field: 'claimedBrand', code: 'INVALID_VALUE', message: 'claimedBrand must contain a letter or digit' });
  }

  const indicators = new IndicatorSet();
  for (const [field, role] of PHONE_FIELDS) {
    (fields[field] as readonly string[] | null | undefined)?.forEach((raw, i) => {
      const phone = check(`${field}[${i}]`, normalisePhoneNumber(raw, region));
      if (phone) indicators.addPhone(phone, role, 'field');
    });
  }
  fields.urls?.forEach((raw, i) => {
    const url = check(`urls[${i}]`, normaliseUrl(raw));
    if (url) indicators.addUrl(url, 'field');
  });
  fields.emails?.forEach((raw, i) => {
    const email = check(`emails[${i}]`, normaliseEmail(raw));
    if (email) indicators.addEmail(email, 'field');
  });
  fields.wallets?.forEach((raw, i) => {
    const wallet = check(`wallets[${i}]`, normaliseWallet(raw));
    if (wallet) indicators.addWallet(wallet, 'field');
  });
  fields.bankAccounts?.forEach((raw, i) => {
    const account = check(`bankAccounts[${i}]`, normaliseBankAccount(raw));
    if (account) indicators.addBankAccount(account, 'field');
  });
  if (errors.length > 0) return { ok: false, errors };

  const referenceNumbers = new Set(fields.referenceNumbers ?? []);
  let brandName = fields.claimedBrand;
  if (fields.text) {
    const found = extractIndicators(fields.text, region, brandName ? [] : options.brands);
    indicators.addExtracted(found);
    found.referenceNumbers.forEach((reference) => referenceNumbers.add(reference));
    // By its name, not its slug: the claim then resolves through the alias keys at write time, so a
    // brand merged away since the registry was read finds the brand it was merged into.
    brandName ??= options.brands.find((brand) => brand.slug === found.brands[0])?.name;
  }
  if (indicators.isEmpty()) {
    return {
      ok: false,
      errors: [
        {
          field: '',
          code: 'EMPTY_REPORT',
          message: 'a report must name at least one phone number, URL, email, wallet or bank account, in its fields or its text',
        },
      ],
    };
  }
  return {
    ok: true,
    report: {
      source: fields.source ?? options.defaultSource,
      externalId: fields.externalId ?? null,
      receivedAt,
      reportedAt,
      channel: fields.channel,
      scamType: fields.scamType ?? null,
      claimedBrand: brandName ? claimedBrandOf(brandName) : null,
      text: fields.text ? fields.text.slice(0, options.textExcerptMax) : null,
      defaultRegion: region,
      referenceNumbers: [...referenceNumbers],
      indicators,
    },
  };
}

/** A zod issue as an InputError: the path as the field ("wallets[0].address"), too_big as TOO_LONG or TOO_MANY. */
export function toInputError(issue: z.core.$ZodIssue): InputError {
  const field = issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
  const code = issue.code === 'too_big' ? (issue.origin === 'array' ? 'TOO_MANY' : 'TOO_LONG') : 'INVALID_VALUE';
  return { field, code, message: issue.message };
}
