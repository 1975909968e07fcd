// The explorer's two hard cases, as reports to submit through the API: a number named by hundreds of
// reports (the hub) and an operation whose numbers and sites one campaign holds. The browser test
// (test/browser/explorer.test.ts) draws them small; the bench's explorer phase (explorer-latency.ts)
// at the sizes issue 19 times: a 500-report hub and a campaign of about 2,000 indicators.

/** A report as submitReports takes it (the channel is added where it is sent). */
export type SeedReport = Record<string, unknown>;

/** `count` reports giving `number` as the callback number, each with a site of its own (`site()`), all claiming `brand`. */
export function busyNumberReports(number: string, brand: string, count: number, site: () => string): SeedReport[] {
  return Array.from({ length: count }, (_, i) => ({
    claimedBrand: brand,
    callbackNumbers: [number],
    urls: [`https://${site()}/pay`],
    // January to May 2026, so its timeline has weeks to brush.
    receivedAt: `2026-0${1 + (i % 5)}-${String(1 + (i % 27)).padStart(2, '0')}T09:00:00Z`,
  }));
}

export interface Operation {
  /** The brand its reports claim (registered with `real` as its official domain). */
  readonly brand: string;
  /** The brand's own site, which every sixth report names: drawn as an official channel. */
  readonly real: string;
  readonly numbers: readonly string[];
  readonly sites: readonly string[];
  readonly reports: number;
  /** Makes each fourth report's shortened link its own (rb.gy, a shortener: a hub of the campaign). */
  readonly tag: string;
  /** Months its reports spread over from April 2026 (1: April only). */
  readonly months?: number;
  /** Each report's login page a URL of its own (/login/<i>), not one per site: thousands of indicators from a few sites. */
  readonly pagePerReport?: boolean;
}

/**
 * An operation's reports: report i names number i mod N and a login page on site i mod M (with N and M
 * coprime, every number beside every site once there are N x M reports), each
 * fourth a shortened link of its own, each sixth the brand's real site. Reports naming the same
 * numbers and sites under one brand and scam type are what detection holds together as one campaign.
 */
export function operationReports(operation: Operation): SeedReport[] {
  const { brand, real, numbers, sites, tag, months = 1, pagePerReport = false } = operation;
  return Array.from({ length: operation.reports }, (_, i) => ({
    claimedBrand: brand,
    scamType: 'BANK_IMPERSONATION',
    callbackNumbers: [numbers[i % numbers.length]],
    receivedAt: `2026-${String(4 + (i % months)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`,
    urls: [
      `https://${sites[i % sites.length]}/login${pagePerReport ? `/${i}` : ''}`,
      ...(i % 4 === 0 ? [`https://rb.gy/${tag}${i}`] : []),
      ...(i % 6 === 0 ? [`https://www.${real}/contact`] : []),
    ],
  }));
}
