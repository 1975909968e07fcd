import { brandAliasKey } from '../../brands/brand-key.js';

/** A brand as the caller's registry knows it. */
export interface BrandNames {
  readonly slug: string;
  readonly name: string;
  readonly aliases?: readonly string[] | null | undefined;
}

/** What may stand between the letters of a name as people write it: "Comm Bank", "C.B.A", "Comm-Bank". */
const GAP = String.raw`[\s.\-_'’&]*`;

/**
 * Slugs of the brands whose name or an alias appears in the text, in the caller's order.
 * Matching is case-, accent-, spacing- and punctuation-insensitive ("Commonwealth Bank",
 * "commbank", "C.B.A") and on word boundaries, so "CBA" is not found in "CBAR".
 */
export function findBrands(text: string, brands: readonly BrandNames[]): string[] {
  if (brands.length === 0) return [];
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '');
  return brands
    .filter(({ name, aliases }) => [name, ...(aliases ?? [])].some((alias) => mentions(plain, alias)))
    .map(({ slug }) => slug);
}

function mentions(text: string, alias: string): boolean {
  const key = brandAliasKey(alias);
  if (key === '') return false;
  const letters = [...key].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(GAP);
  return new RegExp(String.raw`(?<![\p{L}\p{N}])${letters}(?![\p{L}\p{N}])`, 'iu').test(text);
}
