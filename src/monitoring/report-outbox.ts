import type { FollowUp, Row } from '../graph/executor.js';
import { mergedRows } from '../ingest/batch-write.js';
import { lookalikes, type BrandDomains } from '../scoring/lookalike.js';

/** One new domain imitating a watched brand: what match-report-watches alerts as LOOKALIKE_DOMAIN. */
interface LookalikeMatch {
  domain: string;
  brand: string;
  official: string;
}

/**
 * The outbox of a batch of reports, in the batch's own transaction: lookalike-candidates says whether
 * any watch exists and, if one does, which new domains and watched brands to compare (the scoring's own
 * lookalike test, so a check and an alert agree); match-report-watches then writes every alert.
 */
export const reportOutbox: FollowUp = (rows) => {
  const reportIds = mergedRows(rows)
    .filter((row) => row.isNew)
    .map((row) => row.id);
  if (reportIds.length === 0) return null;
  return {
    name: 'monitoring/lookalike-candidates',
    params: { reportIds },
    then: ([found]: Row[]) =>
      found?.['watched']
        ? {
            name: 'monitoring/match-report-watches',
            params: {
              reportIds,
              lookalikes: lookalikesAmong((found['domains'] ?? []) as string[], (found['brands'] ?? []) as BrandDomains[]),
            },
          }
        : null,
  };
};

/** Each new domain against each watched brand: a few dozen string comparisons a batch, only while a brand is watched. */
function lookalikesAmong(domains: readonly string[], brands: readonly BrandDomains[]): LookalikeMatch[] {
  if (brands.length === 0) return [];
  return domains.flatMap((domain) => lookalikes(domain, domain, brands).map(({ brand, official }) => ({ domain, brand, official })));
}
