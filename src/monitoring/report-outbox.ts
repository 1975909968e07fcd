import { z } from 'zod';
import type { FollowUpStatement, Row } from '../graph/executor.js';
import { shaped } from '../graph/row-shape.js';
import { INDICATOR_KINDS } from '../infrastructure/indicator-node.js';
import type { LinkPart } from '../ingest/batch-write.js';
import { namedIn, prefixesOf, reportAlerts } from './report-matches.js';

/** A list in monitoring/report-watches' row: empty (or null, past a CALL with no rows) when nothing matched. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value) => value ?? []);
const WATCHES_ROW = z.object({
  indicators: list(z.object({ watchId: z.string(), target: z.string() })),
  prefixes: list(z.object({ watchId: z.string(), prefix: z.string() })),
  brands: list(z.object({ watchId: z.string(), slug: z.string(), officialDomains: list(z.string()) })),
  ties: list(z.object({ kind: z.string(), key: z.string(), slug: z.string() })),
  lookalikeBrands: list(
    z.object({
      slug: z.string(),
      name: z.string(),
      aliases: list(z.string()),
      officialDomains: list(z.string()),
      watchIds: list(z.string()),
    }),
  ),
  newDomains: list(z.string()),
  placed: list(z.object({ target: z.string(), watchIds: list(z.string()) })),
});

/**
 * The outbox of one part of a batch, in the part's own transaction right after link-indicators:
 * report-watches finds, by key, the watches what the part names could concern (no row: no watch at all,
 * and nothing more runs), src/monitoring/report-matches.ts turns them into alerts with what the part
 * already knows, and write-alerts writes them. `reports`: Report element id to id, the part's new reports.
 */
export function reportOutbox(part: LinkPart, reports: ReadonlyMap<string, string>): FollowUpStatement | null {
  if (reports.size === 0) return null;
  const named = namedIn(part);
  return {
    name: 'monitoring/report-watches',
    params: {
      outbox: {
        targets: named.map((node) => node.target),
        prefixes: prefixesOf(named),
        slugs: part.brands.map((brand) => brand.slug),
        ties: [
          ...part.callbackFor.map(({ e164, slug, reports }) => ({ kind: 'phone', key: e164, slug, reports })),
          ...part.domainFor.map(({ name, slug, reports }) => ({ kind: 'domain', key: name, slug, reports })),
        ],
        domains: part.domains.map(({ name, reports }) => ({ name, reports: reports.length })),
        // By kind, each looked up under its own label (report-watches, 5).
        nodes: Object.fromEntries(
          INDICATOR_KINDS.map((kind) => [
            kind,
            named.filter((node) => node.kind === kind).map(({ key, qualifier, target, reports }) => ({ key, qualifier, target, reports })),
          ]),
        ),
      },
    },
    then: (rows: Row[]) => {
      const [found] = shaped('monitoring/report-watches', WATCHES_ROW, rows);
      const matches = found ? reportAlerts(part, named, reports, found) : [];
      return matches.length === 0 ? null : { name: 'monitoring/write-alerts', params: { write: { matches } } };
    },
  };
}
