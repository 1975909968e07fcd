import { z } from 'zod';
import { CHANNELS, SCAM_TYPES } from '../reports/vocabulary.js';

/** Limits on what one report may carry; beyond them the item is rejected, not truncated. */
export const REPORT_LIMITS = {
  identifier: 200,
  text: 50_000,
  indicator: 2_048,
  listItems: 100,
} as const;

const wellFormed = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.isWellFormed(), 'contains a lone UTF-16 surrogate')
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'contains a control character');

const identifier = wellFormed(REPORT_LIMITS.identifier).trim().min(1);
const indicator = wellFormed(REPORT_LIMITS.indicator);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(REPORT_LIMITS.listItems).nullish();

/** Structure, types and sizes of ReportInput; content (numbers, URLs, checksums) is checked after. */
export const ReportShape = z.object({
  externalId: identifier.nullish(),
  source: identifier.nullish(),
  receivedAt: z.date().nullish(),
  reportedAt: z.date().nullish(),
  channel: z.enum(CHANNELS),
  scamType: z.enum(SCAM_TYPES).nullish(),
  claimedBrand: identifier.nullish(),
  // Message text may hold tabs and newlines but no other control characters.
  text: wellFormed(REPORT_LIMITS.text).nullish(),
  defaultRegion: z.string().max(8).nullish(),
  callbackNumbers: list(indicator),
  callerIds: list(indicator),
  senderIds: list(indicator),
  urls: list(indicator),
  emails: list(indicator),
  wallets: list(z.object({ chain: z.string().max(16).nullish(), address: indicator })),
  bankAccounts: list(
    z.object({
      bsb: z.string().max(32).nullish(),
      accountNumber: z.string().max(64).nullish(),
      iban: z.string().max(64).nullish(),
      payId: indicator.nullish(),
    }),
  ),
  referenceNumbers: list(identifier),
});

export type ReportFields = z.infer<typeof ReportShape>;
