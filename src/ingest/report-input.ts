import type { Channel, ScamType } from '../reports/vocabulary.js';

/** A report as a client submits it (the contract's ReportInput); every field still untrusted. */
export interface ReportInput {
  externalId?: string | null | undefined;
  source?: string | null | undefined;
  receivedAt?: Date | null | undefined;
  /** When the source says the scam was seen or reported; receivedAt stands for it when absent (see validate-report.ts). */
  reportedAt?: Date | null | undefined;
  channel: Channel;
  scamType?: ScamType | null | undefined;
  claimedBrand?: string | null | undefined;
  text?: string | null | undefined;
  defaultRegion?: string | null | undefined;
  callbackNumbers?: readonly string[] | null | undefined;
  callerIds?: readonly string[] | null | undefined;
  senderIds?: readonly string[] | null | undefined;
  urls?: readonly string[] | null | undefined;
  emails?: readonly string[] | null | undefined;
  wallets?: readonly WalletInput[] | null | undefined;
  bankAccounts?: readonly BankAccountInput[] | null | undefined;
  referenceNumbers?: readonly string[] | null | undefined;
}

export interface WalletInput {
  chain?: string | null | undefined;
  address: string;
}

export interface BankAccountInput {
  bsb?: string | null | undefined;
  accountNumber?: string | null | undefined;
  iban?: string | null | undefined;
  payId?: string | null | undefined;
}

/** One rejected field: `field` is a path into the item ("callbackNumbers[2]"). */
export interface InputError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}
