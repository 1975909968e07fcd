import type { PhoneRole, Provenance } from '../reports/vocabulary.js';
import type { ExtractedIndicators } from './extraction/extract-indicators.js';
import type { NormalisedBankAccount } from './normalise/bank-account.js';
import type { NormalisedEmail } from './normalise/email.js';
import type { NormalisedPhoneNumber } from './normalise/phone.js';
import { domainTraits } from './normalise/domain-traits.js';
import type { NormalisedUrl } from './normalise/url.js';
import type { NormalisedWallet } from './normalise/wallet.js';

/** Where each role of a number came from; a role given in a field wins over the same role in text. */
export type PhoneRoles = Partial<Record<PhoneRole, Provenance>>;

interface Keyed<T> {
  readonly value: T;
  via: Provenance;
}

/**
 * The indicators of one report, each once under its canonical key, whatever the number of
 * fields and text mentions that named it. Domains follow from urls and email addresses.
 */
export class IndicatorSet {
  readonly phones = new Map<string, { value: NormalisedPhoneNumber; roles: PhoneRoles }>();
  readonly urls = new Map<string, Keyed<NormalisedUrl>>();
  readonly emails = new Map<string, Keyed<NormalisedEmail>>();
  readonly wallets = new Map<string, Keyed<NormalisedWallet>>();
  readonly bankAccounts = new Map<string, Keyed<NormalisedBankAccount>>();
  readonly shortCodes = new Set<string>();

  addPhone(value: NormalisedPhoneNumber, role: PhoneRole, via: Provenance): void {
    const entry = this.phones.get(value.e164) ?? { value, roles: {} };
    if (entry.roles[role] !== 'field') entry.roles[role] = via;
    this.phones.set(value.e164, entry);
  }

  addUrl(value: NormalisedUrl, via: Provenance): void {
    keep(this.urls, value.url, value, via);
  }

  addEmail(value: NormalisedEmail, via: Provenance): void {
    keep(this.emails, value.address, value, via);
  }

  addWallet(value: NormalisedWallet, via: Provenance): void {
    keep(this.wallets, `${value.chain}:${value.address}`, value, via);
  }

  addBankAccount(value: NormalisedBankAccount, via: Provenance): void {
    keep(this.bankAccounts, `${value.scheme}:${value.identifier}`, value, via);
  }

  addExtracted(found: ExtractedIndicators): void {
    for (const phone of found.phones) this.addPhone(phone, phone.role, phone.via);
    for (const url of found.urls) this.addUrl(url, 'text');
    for (const email of found.emails) this.addEmail(email, 'text');
    for (const wallet of found.wallets) this.addWallet(wallet, 'text');
    for (const account of found.bankAccounts) this.addBankAccount(account, 'text');
    for (const code of found.shortCodes) this.shortCodes.add(code);
  }

  isEmpty(): boolean {
    return [this.phones, this.urls, this.emails, this.wallets, this.bankAccounts].every((map) => map.size === 0);
  }

  /** Registrable domains named through urls or email addresses, with what kind of host each is. */
  domains(): { name: string; isIp: boolean; isShortener: boolean; isPlatform: boolean; isFreeMail: boolean }[] {
    const names = new Map<string, boolean>();
    for (const { value } of this.urls.values()) names.set(value.domain, value.isIp);
    for (const { value } of this.emails.values()) if (!names.has(value.domain)) names.set(value.domain, false);
    return [...names].map(([name, isIp]) => ({ name, isIp, ...domainTraits(name) }));
  }
}

function keep<T>(map: Map<string, Keyed<T>>, key: string, value: T, via: Provenance): void {
  const existing = map.get(key);
  if (existing) {
    if (via === 'field') existing.via = 'field';
  } else {
    map.set(key, { value, via });
  }
}
