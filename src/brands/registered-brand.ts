import { z } from 'zod';

/** A row of brands/registered-brands: the brand registry as checks, reviews and ingest read it. */
export const REGISTERED_BRAND = z.object({
  slug: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  officialDomains: z.array(z.string()),
});
export type RegisteredBrand = z.infer<typeof REGISTERED_BRAND>;
