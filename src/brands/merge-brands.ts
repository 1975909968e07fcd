import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { brandKeys } from './brand-key.js';
import type { BrandWrite } from './brand.service.js';
import { BRAND_NODE } from './registered-brand.js';

/** A row of brands/merge-brand-pair: either brand null when no brand has its slug. */
const PAIR_ROW = z.object({
  from: z.looseObject({ name: z.string() }).nullable(),
  into: BRAND_NODE.nullable(),
  alreadyMerged: z.boolean(),
});

/** A row of brands/merge-brands: the brand merged into, whole. */
const MERGED_ROW = z.object({ brand: BRAND_NODE });

/**
 * Merges brand `from` into brand `into` (both slugs): every report, number, domain, campaign
 * and alias of `from` moves, its name stays as an alias, and `from` is gone. Repeating a merge
 * that happened answers with `into` and changes nothing; an unknown slug or a brand merged into
 * itself is refused before anything is written.
 */
export async function mergeBrands(graph: GraphExecutor, fromSlug: string, intoSlug: string): Promise<BrandWrite> {
  const [from, into] = [fromSlug.trim(), intoSlug.trim()];
  if (from === into) {
    return {
      ok: false,
      errors: [
        {
          field: 'into',
          code: 'SAME_BRAND',
          message: `a brand cannot be merged into itself, got ${JSON.stringify(from.slice(0, 80))} twice`,
        },
      ],
    };
  }
  const [found] = await graph.readAs('brands/merge-brand-pair', PAIR_ROW, { from, into });
  if (!found?.into) return notFound('into', into);
  if (!found.from) return found.alreadyMerged ? { ok: true, brand: found.into } : notFound('from', from);
  const fromKeys = [...new Set([...brandKeys(from), ...brandKeys(found.from.name)])];
  const [row] = await graph.writeAs('brands/merge-brands', MERGED_ROW, { from, into, fromKeys });
  // Gone between the read and the write: another merge got there first.
  if (!row) return notFound('from', from);
  return { ok: true, brand: row.brand };
}

const notFound = (field: 'from' | 'into', slug: string): BrandWrite => ({
  ok: false,
  errors: [{ field, code: 'NOT_FOUND', message: `no brand with slug ${JSON.stringify(slug.slice(0, 80))}` }],
});
