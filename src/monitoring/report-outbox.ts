import { z } from 'zod';
import type { FollowUp, Row } from '../graph/executor.js';
import { shaped } from '../graph/row-shape.js';
import { mergedRows } from '../ingest/batch-write.js';
import { lookalikes, type BrandDomains } from '../scoring/lookalike.js';

/** monitoring/lookalike-candidates' one row; its lists are empty (or null, past a CALL with no rows) with no watch. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value) => value ?? []);
const CANDIDATES_ROW = z.object({
  watched: z.boolean(),
  brands: list(z.object({ slug: z.string(), name: z.string(), aliases: list(z.string()), officialDomains: list(z.string()) })),
  domains: list(z.string()),
});

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
    then: (rows: Row[]) => {
      const [found] = shaped('monitoring/lookalike-candidates', CANDIDATES_ROW, rows);
      return found?.watched
        ? { name: 'monitoring/match-report-watches', params: { reportIds, lookalikes: lookalikesAmong(found.domains, found.brands) } }
        : null;
    },
  };
};

/** Each new domain against each watched brand: a few dozen string comparisons a batch, only while a brand is watched. */
function lookalikesAmong(domains: readonly string[], brands: readonly BrandDomains[]): LookalikeMatch[] {
  if (brands.length === 0) return [];
  return domains.flatMap((domain) => lookalikes(domain, domain, brands).map(({ brand, official }) => ({ domain, brand, official })));
}
