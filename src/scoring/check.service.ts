import { z } from 'zod';
import { brandAliasKey } from '../brands/brand-key.js';
import { REGISTERED_BRAND } from '../brands/registered-brand.js';
import type { GraphExecutor } from '../graph/executor.js';
import { normalisePhoneNumber, parseRegion } from '../ingest/normalise/phone.js';
import { normaliseDomain, normaliseUrl } from '../ingest/normalise/url.js';
import { scoreDomain, type DomainEvidence } from './domain-score.js';
import { lookalikes, type BrandDomains } from './lookalike.js';
import { scoreNumber } from './number-score.js';
import { reason, type Check } from './verdict.js';

/** A row of scoring/number-evidence: a number's NumberEvidence (`known` is read by nothing here). */
const NUMBER_EVIDENCE_ROW = z.object({
  key: z.string(),
  node: z.object({
    callbackReports: z.number(),
    callerIdReports: z.number(),
    senderIdReports: z.number(),
    numberType: z.string().nullable(),
    lastSeen: z.date().nullable(),
    brands: z.array(z.string()),
    campaignSize: z.number().nullable(),
    officialFor: z.array(z.string()),
  }),
});

/** A row of scoring/domain-evidence: a domain's evidence but for what code judges against the registry. */
const DOMAIN_EVIDENCE_ROW = z.object({
  key: z.string(),
  node: z.object({
    reportCount: z.number(),
    callbackNumbers: z.number(),
    brands: z.array(z.string()),
    campaignSize: z.number().nullable(),
    isShortener: z.boolean(),
    isPlatform: z.boolean(),
    isFreeMail: z.boolean(),
    firstSeen: z.date().nullable(),
    lastSeen: z.date().nullable(),
  }),
});

/** A row of reads/brand-callback-numbers-page asked for one property, e164: each node is [e164]. */
const CALLBACK_NUMBERS_ROW = z.object({ edges: z.array(z.object({ node: z.tuple([z.string()]) })) });

/** A row of reads/brands asked for its domains list. */
const BRAND_DOMAINS_ROW = z.object({ lists: z.object({ domains: z.array(z.object({ name: z.string() })) }) });

/** A row of scoring/lookalike-candidates. */
const CANDIDATE_ROW = z.object({ name: z.string() });

export interface NumberCheck extends Check {
  readonly e164: string | null;
}

export interface DomainCheck extends Check {
  readonly domain: string | null;
  readonly url: string | null;
}

const unreadable = (what: string, message: string): Check => ({
  verdict: 'UNKNOWN',
  score: 0,
  reasons: [reason(`INVALID_${what}`, message)],
});

/**
 * Gathers evidence from the graph (one batched read per kind) and hands it to the pure scoring
 * functions. Bad input is an answer (UNKNOWN with a reason), never an exception.
 */
export class CheckService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly settings: { halfLifeDays: number },
  ) {}

  async checkNumber(number: string, defaultRegion: string | null): Promise<NumberCheck> {
    const region = parseRegion(defaultRegion ?? undefined);
    if (!region.ok) return { e164: null, ...unreadable('REGION', region.message) };
    const phone = normalisePhoneNumber(number, region.value);
    if (!phone.ok) return { e164: null, ...unreadable('NUMBER', `not a phone number: ${phone.message}`) };
    const [checked] = await this.checkNumbers([phone.value.e164]);
    return checked as NumberCheck;
  }

  /** Checks of canonical E.164 numbers, in order, in one round trip. */
  async checkNumbers(e164s: readonly string[]): Promise<NumberCheck[]> {
    const rows = await this.graph.readAs('scoring/number-evidence', NUMBER_EVIDENCE_ROW, { keys: e164s });
    const now = new Date();
    return rows.map((row) => ({
      e164: row.key,
      ...scoreNumber(row.node, { ...this.settings, now }),
    }));
  }

  async checkDomain(name: string): Promise<DomainCheck> {
    const domain = normaliseDomain(name);
    if (!domain.ok) return { domain: null, url: null, ...unreadable('DOMAIN', domain.message) };
    const [checked] = await this.checkDomains([{ domain: domain.value, hostname: domain.value }]);
    return checked as DomainCheck;
  }

  async checkUrl(raw: string): Promise<DomainCheck> {
    const url = normaliseUrl(raw);
    if (!url.ok) return { domain: null, url: null, ...unreadable('URL', url.message) };
    const [checked] = await this.checkDomains([{ domain: url.value.domain, hostname: url.value.hostname }]);
    return { ...(checked as DomainCheck), url: url.value.url };
  }

  /** Checks of registrable domains (with the hostname each was seen under), in order. */
  async checkDomains(targets: readonly { domain: string; hostname: string }[]): Promise<DomainCheck[]> {
    const [rows, brands] = await Promise.all([
      this.graph.readAs('scoring/domain-evidence', DOMAIN_EVIDENCE_ROW, { keys: targets.map((target) => target.domain) }),
      this.registry(),
    ]);
    const now = new Date();
    return rows.map((row, i) => {
      const { domain, hostname } = targets[i] as { domain: string; hostname: string };
      const evidence: DomainEvidence = {
        ...row.node,
        officialFor: brands.filter((brand) => brand.officialDomains.includes(domain)).map((brand) => brand.name),
        lookalikes: lookalikes(domain, hostname, brands),
      };
      return { domain, url: null, ...scoreDomain(evidence, { ...this.settings, now }) };
    });
  }

  /** The numbers given as callback in a brand's reports, riskiest first. */
  async numbersImpersonating(slug: string, limit: number): Promise<NumberCheck[]> {
    const [row] = await this.graph.readAs('reads/brand-callback-numbers-page', CALLBACK_NUMBERS_ROW, {
      pages: [{ id: slug, key: slug, first: limit, after: null }],
      limit,
      properties: ['e164'],
    });
    const e164s = (row?.edges ?? []).map((edge) => edge.node[0]);
    return (await this.checkNumbers(e164s)).sort((a, b) => b.score - a.score);
  }

  /** The domains named in a brand's reports, riskiest first. */
  async domainsImpersonating(slug: string, limit: number): Promise<DomainCheck[]> {
    const [row] = await this.graph.readAs('reads/brands', BRAND_DOMAINS_ROW, { keys: [slug], lists: ['domains'], limit });
    const names = (row?.lists.domains ?? []).map((node) => node.name);
    return (await this.checkDomains(names.map((name) => ({ domain: name, hostname: name })))).sort((a, b) => b.score - a.score);
  }

  /** Domains in the graph that imitate a brand, riskiest first. */
  async lookalikesOf(slug: string, limit: number): Promise<DomainCheck[]> {
    const brand = (await this.registry()).find((each) => each.slug === slug);
    if (!brand) return [];
    const nameKeys = [...new Set([brand.name, ...brand.aliases].map(brandAliasKey).filter((key) => key.length >= 4))];
    const rows = await this.graph.readAs('scoring/lookalike-candidates', CANDIDATE_ROW, { slug, nameKeys, limit: limit * 4 });
    const imitating = rows.map((row) => row.name).filter((name) => lookalikes(name, name, [brand]).length > 0);
    const checks = await this.checkDomains(imitating.map((name) => ({ domain: name, hostname: name })));
    return checks.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private async registry(): Promise<BrandDomains[]> {
    return this.graph.readAs('brands/registered-brands', REGISTERED_BRAND);
  }
}
