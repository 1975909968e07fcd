import type { BankAccountInput, WalletInput } from '../ingest/report-input.js';
import type { ScamType } from '../reports/vocabulary.js';
import type { SyntheticBrand } from './brands.data.js';
import type { Scripting } from './crew-script.js';
import type { PaymentItem, PaymentMint } from './payments.js';
import type { NumberRecycler } from './number-recycler.js';
import type { PhoneItem, PhoneNumberMint } from './phone-numbers.js';
import { InfrastructurePool, type PoolEntry } from './pool.js';
import type { Random } from './random.js';
import { indicatorTruth, type IndicatorKind, type TruthLine } from './truth.js';
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
  /** How the crew writes (absent: every message picks any lure of its kind, as in worlds without scripts). */
  readonly script?: Scripting;
}

export interface Mints {
  readonly phones: PhoneNumberMint;
  readonly web: WebMint;
  readonly payments: PaymentMint;
  /** Numbers of ended operations, reassigned to new ones (absent: every number is fresh). */
  readonly recycler?: NumberRecycler;
  /** Share of links on a shared platform (t.me, sites.google.com): the url is the operation's, the domain a hub. */
  readonly platformShare?: number;
}

/** What one report takes from its campaign: truth lines, the pool entries it used, what it names. */
export interface Draft {
  readonly truth: TruthLine[];
  readonly used: Map<InfrastructurePool<unknown>, PoolEntry<unknown>[]>;
  readonly callbacks: PhoneItem[];
  readonly urls: string[];
  readonly emails: string[];
  readonly wallets: WalletInput[];
  readonly accounts: BankAccountInput[];
  reusesInfrastructure: boolean;
  /** When the report arrives (ms): a recycled number must have been silent long enough by then. */
  readonly at: number;
}

/**
 * One scam operation's state: its plan and its live infrastructure, nothing about the reports
 * already made. A report takes numbers, links, mailboxes and payment destinations from the
 * pools, each method returning the indicator as the message writes it; one whose indicators
 * are all new also names one used before (bridge), so every campaign's evidence is connected.
 */
export class Campaign {
  private readonly phones: InfrastructurePool<PhoneItem>;
  private readonly sites: InfrastructurePool<SiteItem>;
  private readonly shortLinks: InfrastructurePool<WrittenIndicator>;
  private readonly emails: InfrastructurePool<EmailItem>;
  private readonly wallets: InfrastructurePool<PaymentItem<WalletInput>>;
  private readonly accounts: InfrastructurePool<PaymentItem<BankAccountInput>>;
  private reports = 0;
  /** Every number this operation used, for the recycler once it ends. */
  readonly numbers: PhoneItem[] = [];

  constructor(
    readonly plan: CampaignPlan,
    readonly random: Random,
    private readonly mints: Mints,
  ) {
    const pool = <T>() => new InfrastructurePool<T>(plan.maxLive, plan.rotateEvery);
    this.phones = pool();
    this.sites = pool();
    this.shortLinks = pool();
    this.emails = pool();
    this.wallets = pool();
    this.accounts = pool();
  }

  /** A draft for the next report; the campaign's own truth line goes with its first. */
  begin(at: number): Draft {
    const { plan } = this;
    const truth: TruthLine[] = [];
    if (this.reports === 0 && plan.id !== null) {
      const brands = plan.brands.map((brand) => brand.slug);
      truth.push({
        type: 'campaign',
        campaign: plan.id,
        scamType: plan.scamType,
        brands,
        startsAt: plan.startsAt.toISOString(),
        endsAt: plan.endsAt.toISOString(),
      });
    }
    return { truth, used: new Map(), callbacks: [], urls: [], emails: [], wallets: [], accounts: [], reusesInfrastructure: false, at };
  }

  callback(draft: Draft): string {
    return this.writeCallback(
      draft,
      this.phones.take(this.random, () => this.newNumber(draft)),
    );
  }

  /** A link to one of the campaign's sites or, more often for parcels and tolls, a short link. */
  link(draft: Draft): string {
    const { plan, mints, random } = this;
    if (mints.platformShare && random.chance(mints.platformShare)) {
      return this.writeShortLink(
        draft,
        this.shortLinks.take(random, () => this.record(draft, 'url', mints.web.platformLink(), (l) => l.key)),
      );
    }
    if (random.chance(plan.scamType === 'DELIVERY' || plan.scamType === 'OTHER' ? 0.3 : 0.1)) {
      return this.writeShortLink(
        draft,
        this.shortLinks.take(random, () => this.record(draft, 'url', mints.web.shortLink(), (l) => l.key)),
      );
    }
    const lookalikes = plan.brands.length === 1 ? (plan.brands[0] as SyntheticBrand).lookalikes : null;
    return this.writeSiteLink(
      draft,
      this.sites.take(random, () => this.record(draft, 'domain', mints.web.site(lookalikes, plan.scamType), (s) => s.domain)),
    );
  }

  email(draft: Draft): string {
    const { plan, mints } = this;
    const lookalikes = plan.brands.length === 1 ? (plan.brands[0] as SyntheticBrand).lookalikes : null;
    const email = this.use(
      draft,
      this.emails,
      this.emails.take(this.random, () => {
        const minted = mints.web.email(lookalikes, plan.scamType);
        if (minted.ownDomain) draft.truth.push(indicatorTruth('domain', minted.domain, plan.id));
        return this.record(draft, 'email', minted, (e) => e.key);
      }),
    );
    draft.emails.push(email.written);
    return email.written;
  }

  wallet(draft: Draft): string {
    const wallet = this.use(
      draft,
      this.wallets,
      this.wallets.take(this.random, () => this.record(draft, 'wallet', this.mints.payments.wallet(), (w) => w.key)),
    );
    draft.wallets.push(wallet.field);
    return wallet.written;
  }

  account(draft: Draft): string {
    const account = this.use(
      draft,
      this.accounts,
      this.accounts.take(this.random, () => {
        const minted = this.mints.payments.muleAccount();
        if (minted.email) draft.truth.push(indicatorTruth('email', minted.email, this.plan.id));
        return this.record(draft, 'bankAccount', minted, (a) => a.key);
      }),
    );
    draft.accounts.push(account.field);
    return account.written;
  }

  /** The reader's own number, as a scam greets them with it: noise, never an indicator. */
  victimNumber(): string {
    return this.mints.phones.victim();
  }

  /** A sentence naming a number or link an earlier report used, when this one names only new ones; else "". */
  bridge(draft: Draft): string {
    if (draft.reusesInfrastructure || this.reports === 0) return '';
    const phone = this.phones.established(this.random);
    if (phone) return ` If you have questions call ${this.writeCallback(draft, phone)}.`;
    const site = this.sites.established(this.random);
    if (site) return ` Details: ${this.writeSiteLink(draft, site)}`;
    const short = this.shortLinks.established(this.random);
    if (short) return ` Details: ${this.writeShortLink(draft, short)}`;
    throw new Error(`campaign ${this.plan.id} has no number or link an earlier report used`);
  }

  /**
   * A bridge: a sentence naming a number or link this operation used before, put into another
   * operation's report (`draft`): a misfiled report, a victim mixing up two messages, a shared
   * reseller. "" when this operation has nothing established yet.
   */
  lend(draft: Draft): string {
    const phone = this.phones.established(this.random);
    if (phone && this.random.chance(0.5)) return ` Or call ${this.writeCallback(draft, phone)}.`;
    const site = this.sites.established(this.random);
    if (site) return ` See also ${this.writeSiteLink(draft, site)}`;
    return phone ? ` Or call ${this.writeCallback(draft, phone)}.` : '';
  }

  /** Ends the report: counts the uses, lets the pools rotate, and adds the report's truth line. */
  finish(draft: Draft, externalId: string, bridges: string | null = null): TruthLine[] {
    for (const [pool, entries] of draft.used) pool.commit(entries);
    this.reports++;
    draft.truth.push({ type: 'report', externalId, campaign: this.plan.id, ...(bridges ? { bridges } : {}) });
    return draft.truth;
  }

  /** A number for this operation: now and then one another operation dropped months ago, else a fresh one. */
  private newNumber(draft: Draft): PhoneItem {
    // One-off reports (no operation) never get one: a reassigned number goes to a new operation.
    const recycled = this.plan.id === null ? null : this.mints.recycler?.take(draft.at, this.random);
    const phone = recycled?.phone ?? this.mints.phones.callback();
    this.numbers.push(phone);
    const line = { type: 'indicator', indicator: 'phone', key: phone.e164, campaign: this.plan.id } as const;
    draft.truth.push(recycled ? { ...line, recycledFrom: recycled.campaign } : line);
    return phone;
  }

  private writeCallback(draft: Draft, entry: PoolEntry<PhoneItem>): string {
    const phone = this.use(draft, this.phones, entry);
    draft.callbacks.push(phone);
    return this.random.pick(phone.written);
  }

  private writeSiteLink(draft: Draft, entry: PoolEntry<SiteItem>): string {
    const link = this.mints.web.link(this.use(draft, this.sites, entry));
    if (link.isNew) draft.truth.push(indicatorTruth('url', link.key, this.plan.id));
    draft.urls.push(link.written);
    return link.written;
  }

  private writeShortLink(draft: Draft, entry: PoolEntry<WrittenIndicator>): string {
    const { written } = this.use(draft, this.shortLinks, entry);
    draft.urls.push(written);
    return written;
  }

  private use<T>(draft: Draft, pool: InfrastructurePool<T>, entry: PoolEntry<T>): T {
    if (entry.uses > 0) draft.reusesInfrastructure = true;
    const key = pool as InfrastructurePool<unknown>;
    draft.used.set(key, [...(draft.used.get(key) ?? []), entry as PoolEntry<unknown>]);
    return entry.item;
  }

  /** A newly minted item's truth line, under this campaign. */
  private record<T>(draft: Draft, kind: IndicatorKind, item: T, key: (item: T) => string): T {
    draft.truth.push(indicatorTruth(kind, key(item), this.plan.id));
    return item;
  }
}
