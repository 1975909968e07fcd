import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import type { CheckService } from '../scoring/check.service.js';

/** Candidates read per list; a page lists the high-risk ones among them, newest first. */
const CANDIDATES = 200;
const LISTED = 50;

/** The consumer advice of the seed brief (seed/callback-scams.txt, "What consumers should do"). */
export const ADVICE = [
  'Treat any number given in an unexpected message (SMS, email, voicemail, pop-up, social media, invoice, search ad) as untrusted.',
  "Open the organisation's official app, type its official website address yourself, or call a number listed on its official website or printed on the back of your card.",
  'Never share one-time passcodes, never install remote access software, and never move money because someone on the phone tells you to.',
  'If you already called and shared information or transferred money, contact your bank immediately and report it.',
] as const;

export interface Listed {
  readonly value: string;
  /** The day it was last reported for this brand (YYYY-MM-DD, or 'date unknown'): enough for a customer, nothing about the report. */
  readonly lastReported: string;
}

export interface BrandPage {
  readonly slug: string;
  readonly name: string;
  readonly officialNumbers: readonly string[];
  readonly officialDomains: readonly string[];
  readonly falseNumbers: readonly Listed[];
  readonly falseDomains: readonly Listed[];
  readonly advice: readonly string[];
}

/** A candidate of monitoring/brand-page: a number or domain, and when it was last reported for the brand (ISO text; null: no report dated). */
const CANDIDATE = z.object({ value: z.string(), lastSeen: z.string().nullable() });
type Candidate = z.infer<typeof CANDIDATE>;

/** The row of monitoring/brand-page. */
const BRAND_PAGE_ROW = z.object({
  brand: z.object({
    slug: z.string(),
    name: z.string(),
    officialNumbers: z.array(z.string()),
    officialDomains: z.array(z.string()),
  }),
  numbers: z.array(CANDIDATE),
  domains: z.array(CANDIDATE),
});

/**
 * The public official-channels page of a registered brand (customer education): its real numbers and
 * domains, and the numbers and sites falsely claiming to be it that checks call HIGH_RISK, newest first.
 * Built from values and dates only, so no reporter data or message text can reach it.
 */
export class BrandPageService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly checks: CheckService,
  ) {}

  async page(slug: string): Promise<BrandPage | null> {
    const [row] = await this.graph.readAs('monitoring/brand-page', BRAND_PAGE_ROW, { slug, candidates: CANDIDATES });
    if (!row) return null;
    const { brand, numbers, domains } = row;
    const [numberChecks, domainChecks] = await Promise.all([
      numbers.length > 0 ? this.checks.checkNumbers(numbers.map((number) => number.value)) : [],
      domains.length > 0 ? this.checks.checkDomains(domains.map((domain) => ({ domain: domain.value, hostname: domain.value }))) : [],
    ]);
    const highRisk = (list: Candidate[], checks: { verdict: string }[]): Listed[] =>
      list
        .filter((_, i) => checks[i]?.verdict === 'HIGH_RISK')
        .slice(0, LISTED)
        .map((each) => ({ value: each.value, lastReported: each.lastSeen?.slice(0, 10) ?? 'date unknown' }));
    return { ...brand, falseNumbers: highRisk(numbers, numberChecks), falseDomains: highRisk(domains, domainChecks), advice: ADVICE };
  }
}
