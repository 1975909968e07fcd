import type { BankAccountInput, ReportInput, WalletInput } from '../ingest/report-input.js';
import { normaliseDomain } from '../ingest/normalise/url.js';
import type { PhoneRole } from '../reports/vocabulary.js';

/** The ReportInput fields an imported STIX container or MISP attribute fills, beside its indicators. */
export type ReportHeader = Pick<
  ReportInput,
  'externalId' | 'source' | 'receivedAt' | 'channel' | 'scamType' | 'claimedBrand' | 'text' | 'referenceNumbers'
>;

const PHONE_FIELDS: Readonly<Record<PhoneRole, 'callbackNumbers' | 'callerIds' | 'senderIds'>> = {
  CALLBACK: 'callbackNumbers',
  CALLER_ID: 'callerIds',
  SENDER_ID: 'senderIds',
};

/**
 * The indicators of one imported report, collected from another tool's objects. A report names a
 * domain only through a URL or an email address in scamgraph's graph, so a bare domain becomes
 * a URL on it, unless a URL or email of the same report already names it (as in scamgraph's own
 * exports, which lose nothing on the way back).
 */
export class ReportDraft {
  private readonly phones: Record<'callbackNumbers' | 'callerIds' | 'senderIds', string[]> = {
    callbackNumbers: [],
    callerIds: [],
    senderIds: [],
  };
  private readonly urls: string[] = [];
  private readonly emails: string[] = [];
  private readonly domains: string[] = [];
  private readonly wallets: WalletInput[] = [];
  private readonly bankAccounts: BankAccountInput[] = [];

  addPhone(number: string, roles: readonly PhoneRole[]): void {
    for (const role of roles.length > 0 ? roles : (['CALLBACK'] as const)) this.phones[PHONE_FIELDS[role]].push(number);
  }

  addUrl(url: string): void {
    this.urls.push(url);
  }

  addEmail(email: string): void {
    this.emails.push(email);
  }

  addDomain(domain: string): void {
    this.domains.push(domain);
  }

  addWallet(wallet: WalletInput): void {
    this.wallets.push(wallet);
  }

  addBankAccount(account: BankAccountInput): void {
    this.bankAccounts.push(account);
  }

  isEmpty(): boolean {
    return [...Object.values(this.phones), this.urls, this.emails, this.domains, this.wallets, this.bankAccounts].every(
      (list) => list.length === 0,
    );
  }

  toInput(header: ReportHeader): ReportInput {
    const domainOf = (value: string) => {
      const domain = normaliseDomain(value);
      return domain.ok ? domain.value : null;
    };
    const named = new Set([...this.urls, ...this.emails.map((email) => email.slice(email.lastIndexOf('@') + 1))].map(domainOf));
    const bareDomains = this.domains.filter((domain) => !named.has(domainOf(domain)));
    return {
      ...header,
      ...this.phones,
      urls: [...this.urls, ...bareDomains],
      emails: this.emails,
      wallets: this.wallets,
      bankAccounts: this.bankAccounts,
    };
  }
}
