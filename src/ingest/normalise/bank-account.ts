import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { isValidAbn } from './abn.js';
import { DEFANGED_AT } from './defang.js';
import { normaliseEmail } from './email.js';
import { normalisePhoneNumber } from './phone.js';
import { accept, reject, type Normalised } from './result.js';
import { quote } from '../../text/excerpt.js';

export interface BankAccountInput {
  readonly bsb?: string | null | undefined;
  readonly accountNumber?: string | null | undefined;
  readonly iban?: string | null | undefined;
  readonly payId?: string | null | undefined;
}

export type BankScheme = 'AU_BSB' | 'IBAN' | 'PAYID';

export interface NormalisedBankAccount {
  readonly scheme: BankScheme;
  /**
   * AU_BSB: "062-000 12345678" (BSB with its dash, one space, the account digits as given,
   * leading zeros kept since banks differ on padding); IBAN: electronic format, upper case,
   * no spaces; PAYID: "email:<address>", "phone:<E.164>" or "abn:<11 digits>".
   */
  readonly identifier: string;
}

const SEPARATORS = /[\s\-.]/g;
const BSB = /^\d{6}$/;
const AU_ACCOUNT_NUMBER = /^\d{4,10}$/;
const WRITTEN_AT = new RegExp(DEFANGED_AT, 'i');

/**
 * Normalises one bank account given as exactly one of: BSB plus account number (AU),
 * IBAN (mod-97 and per-country length and format, via ibantools), or PayID (an email
 * address, an Australian mobile number, or an ABN with a valid check digit).
 * Spaces, dashes and dots inside BSB, account number, IBAN and ABN are ignored.
 * Anything else, including a BSB without an account number, is INVALID_BANK_ACCOUNT.
 */
export function normaliseBankAccount(input: BankAccountInput): Normalised<NormalisedBankAccount> {
  const bsb = present(input.bsb);
  const accountNumber = present(input.accountNumber);
  const iban = present(input.iban);
  const payId = present(input.payId);
  const forms = [bsb !== null || accountNumber !== null, iban !== null, payId !== null].filter(Boolean);
  if (forms.length !== 1) {
    return reject('INVALID_BANK_ACCOUNT', `give exactly one of bsb+accountNumber, iban or payId; got ${forms.length}`);
  }
  if (iban !== null) return normaliseIban(iban);
  if (payId !== null) return normalisePayId(payId);
  return normaliseBsbAccount(bsb ?? '', accountNumber ?? '');
}

function normaliseBsbAccount(rawBsb: string, rawAccount: string): Normalised<NormalisedBankAccount> {
  const bsb = rawBsb.replace(SEPARATORS, '');
  const account = rawAccount.replace(SEPARATORS, '');
  if (!BSB.test(bsb) || !AU_ACCOUNT_NUMBER.test(account)) {
    return reject(
      'INVALID_BANK_ACCOUNT',
      `a BSB is 6 digits and an account number 4 to 10 digits, got ${quote(rawBsb)} and ${quote(rawAccount)}`,
    );
  }
  return accept({ scheme: 'AU_BSB', identifier: `${bsb.slice(0, 3)}-${bsb.slice(3)} ${account}` });
}

function normaliseIban(raw: string): Normalised<NormalisedBankAccount> {
  const iban = electronicFormatIBAN(raw.replace(/^iban:?/i, '').replace(SEPARATORS, ''));
  if (iban === null || !isValidIBAN(iban)) {
    return reject('INVALID_BANK_ACCOUNT', `not a valid IBAN (country, length or check digits): ${quote(raw)}`);
  }
  return accept({ scheme: 'IBAN', identifier: iban });
}

/** PayID's own kinds: an email address, an AU mobile number, or an ABN (11 digits). */
function normalisePayId(raw: string): Normalised<NormalisedBankAccount> {
  if (WRITTEN_AT.test(raw)) {
    const email = normaliseEmail(raw);
    return email.ok ? payId(`email:${email.value.address}`) : payIdError(raw);
  }
  const digits = raw.replace(SEPARATORS, '');
  if (isValidAbn(digits)) return payId(`abn:${digits}`);
  const phone = normalisePhoneNumber(raw, 'AU');
  const isAuMobile = phone.ok && phone.value.country === 'AU' && phone.value.numberType === 'MOBILE';
  return isAuMobile ? payId(`phone:${phone.value.e164}`) : payIdError(raw);
}

const payId = (identifier: string): Normalised<NormalisedBankAccount> => accept({ scheme: 'PAYID', identifier });

const payIdError = (raw: string): Normalised<NormalisedBankAccount> =>
  reject('INVALID_BANK_ACCOUNT', `a PayID is an email address, an AU mobile number or a valid ABN, got ${quote(raw)}`);

function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
