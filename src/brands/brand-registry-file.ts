import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { BrandService } from './brand.service.js';

/** A brand registry file: what `npm run brands:load` and `scamgraph import` register, and `scamgraph generate` writes. */
export const RegistryFile = z.object({
  brands: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      aliases: z.array(z.string()).optional(),
      officialNumbers: z.array(z.string()).optional(),
      officialDomains: z.array(z.string()).optional(),
    }),
  ),
});
export type RegistryFile = z.infer<typeof RegistryFile>;

/** Where the brands of a report file live: beside it, "world.jsonl" → "world.brands.json". */
export function brandsFileBeside(reportFile: string): string {
  return `${reportFile.replace(/\.(jsonl|ndjson|csv|tsv|ya?ml)$/i, '')}.brands.json`;
}

/**
 * Registers every brand of a registry file through upsertBrand's validation; resolves to the
 * slugs refused, each with its errors, so a caller can say which and go on or stop.
 */
export async function registerBrandsFile(
  service: BrandService,
  file: string,
): Promise<{ loaded: string[]; refused: { slug: string; errors: unknown[] }[] }> {
  const { brands } = RegistryFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const loaded: string[] = [];
  const refused: { slug: string; errors: unknown[] }[] = [];
  for (const brand of brands) {
    const written = await service.upsert(brand);
    if (written.ok) loaded.push(brand.slug);
    else refused.push({ slug: brand.slug, errors: written.errors });
  }
  return { loaded, refused };
}
