import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { brandKeys, unregisteredSlug } from './brand-key.js';

/** A brand as a report names it, with the keys it may be known by. */
export interface ClaimedBrand {
  /** Its own alias key ("applesupport"): learned for the brand it resolves to. */
  readonly key: string;
  /** Lookup keys, most specific first (brandKeys). */
  readonly keys: readonly string[];
  /** The slug it gets when no brand holds any of its keys: shared by every spelling ("apple"). */
  readonly slug: string;
  readonly name: string;
}

/** A row of ingest/resolve-brands: an alias key and the slug of the brand holding it. */
const RESOLVED_ROW = z.object({ key: z.string(), slug: z.string() });

export function claimedBrandOf(name: string): ClaimedBrand {
  const keys = brandKeys(name);
  return { key: keys[0] ?? '', keys, slug: unregisteredSlug(name), name };
}

/**
 * The slug each claim resolves to through the alias keys brands hold (the first of its keys
 * found), or undefined for a brand nobody holds yet: one round trip for a whole batch.
 */
export async function resolveClaimedBrands(
  graph: GraphExecutor,
  claims: readonly (ClaimedBrand | null)[],
): Promise<(string | undefined)[]> {
  const keys = [...new Set(claims.flatMap((claim) => claim?.keys ?? []))];
  if (keys.length === 0) return claims.map(() => undefined);
  const rows = await graph.readAs('ingest/resolve-brands', RESOLVED_ROW, { keys });
  const slugs = new Map(rows.map((row) => [row.key, row.slug]));
  return claims.map((claim) => claim?.keys.map((key) => slugs.get(key)).find((slug) => slug !== undefined));
}
