import type { BankAccountInput, ReportInput, WalletInput } from '../ingest/report-input.js';
import type { ScamType } from '../reports/vocabulary.js';
import type { SyntheticBrand } from './brands.data.js';
import { CHANNEL_MIX, CHANNEL_STYLE, LURES, VICTIM_OPENINGS } from './lures.data.js';
import type { PaymentItem, PaymentMint } from './payments.js';
import type { PhoneItem, PhoneNumberMint } from './phone-numbers.js';
import { InfrastructurePool, type PoolEntry } from './pool.js';
import type { Random } from './random.js';
import { indicatorTruth, type TruthLine } from './truth.js';
import type { EmailItem, SiteItem, WebMint, WrittenIndicator } from './web.js';

export interface CampaignPlan {
  /** null for a one-off report: noise that belongs to no operation. */
  readonly id: string | null;
  readonly scamType: ScamType;
  /** Empty for romance and for investment scams under a made-up platform name. */
  readonly brands: readonly SyntheticBrand[];
  readonly platformName: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Share of the traffic while it runs, against the other campaigns running. */
  readonly weight: number;
  /** Uses of an infrastructure kind, on average, before a new item joins. */
  readonly rotateEvery: number;
  readonly maxLive: number;
}

export interface Mints {
  readonly phones: PhoneNumberMint;
  readonly web: WebMint;
  readonly payments: PaymentMint;
}

export interface ComposedReport {
  readonly report: ReportInput;
  /** The campaign's own line (on its first report), indicators first seen here, the report's line. */
  readonly truth: TruthLine[];
}

/** What one report collects while its lure is filled in. */
interface Draft {
  readonly truth: TruthLine[];
  readonly used: Map<InfrastructurePool<unknown>, PoolEntry<unknown>[]>;
  readonly callbacks: PhoneItem[];
  readonly urls: string[];
  readonly emails: string[];
  readonly wallets: WalletInput[];
  readonly accounts: BankAccountInput[];
  reusesInfrastructure: boolean;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SPOOFABLE = new Set(['PHONE_CALL', 'VOICEMAIL', 'SMS']);

/**
 * One scam operation's state: its plan and its live infrastructure, nothing about reports
 * already made. Each report fills a lure from the pools; a report whose indicators are all
 * new also names one the campaign used before, so every campaign's evidence is connected.
 */
export class Campaign {
  private readonly phones: InfrastructurePool<PhoneItem>;
  private readonly sites: InfrastructurePool<SiteItem>;
  private readonly shortLinks: InfrastructurePool<WrittenIndicator>;
  private readonly emails: InfrastructurePool<EmailItem>;
  private readonly wallets: InfrastructurePool<PaymentItem<WalletInput>>;
  private readonly accounts: InfrastructurePool<PaymentItem<BankAccountInput>>;
  private readonly channels: readonly (keyof typeof CHANNEL_STYLE)[];
  private reports = 0;

  constructor(
    readonly plan: CampaignPlan,
    private readonly random: Random,
    private readonly mints: Mints,
  ) {
    const pool = <T>() => new InfrastructurePool<T>(plan.maxLive, plan.rotateEvery);
    this.phones = pool();
    this.sites = pool();
    this.shortLinks = pool();
    this.emails = pool();
    this.wallets = pool();
    this.accounts = pool();
    this.channels = Object.keys(CHANNEL_MIX[plan.scamType]) as (keyof typeof CHANNEL_STYLE)[];
  }

  compose(externalId: string, source: string, receivedAt: Date): ComposedReport {
    const r = this.random;
    const { plan } = this;
    const draft: Draft = { truth: [], used: new Map(), callbacks: [], urls: [], emails: [], wallets: [], accounts: [], reusesInfrastructure: false };
    if (this.reports === 0 && plan.id !== null) {
      draft.truth.push({ type: 'campaign', campaign: plan.id, scamType: plan.scamType, brands: plan.brands.map((b) => b.slug), startsAt: plan.startsAt.toISOString(), endsAt: plan.endsAt.toISOString() });
    }
    const brand = plan.brands.length > 0 ? r.pick(plan.brands) : null;
    const channel = r.weighted(this.channels, this.channels.map((c) => CHANNEL_MIX[plan.scamType][c] ?? 0));
    const style = CHANNEL_STYLE[channel];
    const lures = LURES.filter((lure) => lure.scamType === plan.scamType && lure.style === style);
    const lure = r.pick(lures.length > 0 ? lures : LURES.filter((l) => l.scamType === plan.scamType));

    let text = lure.text.replace(PLACEHOLDER, (_, name: string) => this.fill(name, draft, brand, receivedAt));
    if (!draft.reusesInfrastructure && this.reports > 0) text += this.bridge(draft);
    if (style === 'short' && r.chance(0.1)) text = r.pick(VICTIM_OPENINGS).replace('{victim}', this.mints.phones.victim()) + text;
    if (style === 'mail' && brand && r.chance(0.15)) text += ` Official site: https://www.${r.pick(brand.officialDomains)}`;
    for (const [pool, entries] of draft.used) pool.commit(entries);
    this.reports++;
    draft.truth.push({ type: 'report', externalId, campaign: plan.id });

    const spoof = brand && SPOOFABLE.has(channel) && brand.officialNumbers.length > 0 && r.chance(0.35);
    const report: ReportInput = {
      externalId, source, receivedAt, channel,
      ...(r.chance(0.85) ? { scamType: plan.scamType } : {}),
      ...(brand && r.chance(0.85) ? { claimedBrand: r.pick([brand.name, brand.short, ...brand.aliases]) } : {}),
      text,
      ...(r.chance(0.3) ? { defaultRegion: 'AU' } : {}),
      // Reporters copy some indicators into the form's fields, often written another way.
      ...(draft.callbacks.length > 0 && r.chance(0.6) ? { callbackNumbers: draft.callbacks.map((phone) => r.pick(phone.written)) } : {}),
      ...(spoof ? { callerIds: [r.pick(brand.officialNumbers)] } : {}),
      ...(draft.urls.length > 0 && r.chance(0.4) ? { urls: draft.urls.map((url) => (r.chance(0.1) ? defang(url) : url)) } : {}),
      ...(draft.emails.length > 0 && r.chance(0.3) ? { emails: draft.emails } : {}),
      ...(draft.wallets.length > 0 && r.chance(0.5) ? { wallets: draft.wallets } : {}),
      ...(draft.accounts.length > 0 && r.chance(0.5) ? { bankAccounts: draft.accounts } : {}),
    };
    return { report, truth: draft.truth };
  }

  private fill(name: string, draft: Draft, brand: SyntheticBrand | null, receivedAt: Date): string {
    const r = this.random;
    const { plan, mints } = this;
    const id = plan.id;
    const lookalikes = plan.brands.length === 1 && brand ? brand.lookalikes : null;
    switch (name) {
      case 'brand':
        return brand?.short ?? plan.platformName ?? 'our team';
      case 'callback':
        return this.writeCallback(this.use(draft, this.phones, () => {
          const phone = mints.phones.callback();
          draft.truth.push(indicatorTruth('phone', phone.e164, id));
          return phone;
        }), draft);
      case 'url':
        return this.writeUrl(draft, (plan.scamType === 'DELIVERY' || plan.scamType === 'OTHER' ? 0.3 : 0.1) > r.next() ? 'short' : 'site', lookalikes);
      case 'email': {
        const email = this.use(draft, this.emails, () => {
          const minted = mints.web.email(lookalikes, plan.scamType);
          if (minted.ownDomain) draft.truth.push(indicatorTruth('domain', minted.domain, id));
          draft.truth.push(indicatorTruth('email', minted.key, id));
          return minted;
        });
        draft.emails.push(email.written);
        return email.written;
      }
      case 'wallet': {
        const wallet = this.use(draft, this.wallets, () => this.record(mints.payments.wallet(), 'wallet', draft));
        draft.wallets.push(wallet.field);
        return wallet.written;
      }
      case 'account': {
        const account = this.use(draft, this.accounts, () => this.record(mints.payments.muleAccount(), 'bankAccount', draft));
        draft.accounts.push(account.field);
        return account.written;
      }
      case 'amount':
        return `$${String(r.int(12, 4_999)).replace(/\B(?=(\d{3})+$)/, ',')}.${r.digits(2)}`;
      case 'date': {
        const date = new Date(receivedAt.getTime() + r.int(0, 5) * 86_400_000);
        return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
      }
      case 'ref':
        return `${brand?.refPrefix ?? 'TX'}-${r.int(200_000, 999_999)}`;
      default:
        throw new Error(`a lure names {${name}}, which the generator cannot fill`);
    }
  }

  private writeCallback(phone: PhoneItem, draft: Draft): string {
    draft.callbacks.push(phone);
    return this.random.pick(phone.written);
  }

  private writeUrl(draft: Draft, kind: 'short' | 'site', lookalikes: readonly string[] | null): string {
    const { plan, mints, random } = this;
    if (kind === 'short') {
      return this.shortLinkTo(draft, this.shortLinks.take(random, () => {
        const minted = mints.web.shortLink();
        draft.truth.push(indicatorTruth('url', minted.key, plan.id));
        return minted;
      }));
    }
    return this.linkTo(draft, this.sites.take(random, () => {
      const minted = mints.web.site(lookalikes, plan.scamType);
      draft.truth.push(indicatorTruth('domain', minted.domain, plan.id));
      return minted;
    }));
  }

  private linkTo(draft: Draft, entry: PoolEntry<SiteItem>): string {
    const link = this.mints.web.link(this.reuse(draft, this.sites, entry));
    if (link.isNew) draft.truth.push(indicatorTruth('url', link.key, this.plan.id));
    draft.urls.push(link.written);
    return link.written;
  }

  private shortLinkTo(draft: Draft, entry: PoolEntry<WrittenIndicator>): string {
    const { written } = this.reuse(draft, this.shortLinks, entry);
    draft.urls.push(written);
    return written;
  }

  /** A sentence naming a number or link an earlier report of this campaign used. */
  private bridge(draft: Draft): string {
    const r = this.random;
    const phone = this.phones.established(r);
    if (phone) return ` If you have questions call ${this.writeCallback(this.reuse(draft, this.phones, phone), draft)}.`;
    const site = this.sites.established(r);
    if (site) return ` Details: ${this.linkTo(draft, site)}`;
    const short = this.shortLinks.established(r);
    if (short) return ` Details: ${this.shortLinkTo(draft, short)}`;
    throw new Error(`campaign ${this.plan.id} has no number or link an earlier report used`);
  }

  private use<T>(draft: Draft, pool: InfrastructurePool<T>, mint: () => T): T {
    return this.reuse(draft, pool, pool.take(this.random, mint));
  }

  private reuse<T>(draft: Draft, pool: InfrastructurePool<T>, entry: PoolEntry<T>): T {
    if (entry.uses > 0) draft.reusesInfrastructure = true;
    const used = draft.used.get(pool as InfrastructurePool<unknown>) ?? [];
    used.push(entry as PoolEntry<unknown>);
    draft.used.set(pool as InfrastructurePool<unknown>, used);
    return entry.item;
  }

  private record<T extends { key: string }>(item: T, kind: 'wallet' | 'bankAccount', draft: Draft): T {
    draft.truth.push(indicatorTruth(kind, item.key, this.plan.id));
    return item;
  }
}

/** "hxxps://evil[.]top/x", as analysts paste links they do not want clickable. */
function defang(url: string): string {
  return url.replace(/^http/, 'hxxp').replace(/\.(?=[^./]*\/)/, '[.]');
}
