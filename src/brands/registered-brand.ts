import { z } from 'zod';

/** A row of brands/registered-brands: the brand registry as checks, reviews and ingest read it. */
export const REGISTERED_BRAND = z.object({
  slug: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  officialDomains: z.array(z.string()),
});

/**
 * A Brand node whole (b {.*}), as brand writes answer it and the GraphQL Brand type reads it: every
 * brand has these, registered or made by a report's claim (ingest/link-indicators); others pass through.
 */
export const BRAND_NODE = z.looseObject({
  slug: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  officialNumbers: z.array(z.string()),
  officialDomains: z.array(z.string()),
  registered: z.boolean(),
});
export type BrandNode = z.infer<typeof BRAND_NODE>;
