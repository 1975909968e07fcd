import { brandAliasKey } from '../../brands/brand-key.js';

/** A brand as the caller's registry knows it. */
export interface BrandNames {
  readonly slug: string;
  readonly name: string;
  readonly aliases?: readonly string[] | null | undefined;
}

/** What may stand between the letters of a name as people write it: "Comm Bank", "C.B.A", "Comm-Bank". */
const GAP = String.raw`[\s.\-_'’&]*`;

/** A brand's names as patterns, compiled once per registry read rather than once per message. */
interface BrandMatcher {
  readonly slug: string;
  readonly patterns: readonly RegExp[];
}

const compiled = new WeakMap<readonly BrandNames[], readonly BrandMatcher[]>();

/**
 * Slugs of the brands whose name or an alias appears in the text, in the caller's order.
 * Matching is case-, accent-, spacing- and punctuation-insensitive ("Commonwealth Bank",
 * "commbank", "C.B.A") and on word boundaries, so "CBA" is not found in "CBAR".
 */
export function findBrands(text: string, brands: readonly BrandNames[]): string[] {
  if (brands.length === 0) return [];
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '');
  return matchersOf(brands)
    .filter(({ patterns }) => patterns.some((pattern) => pattern.test(plain)))
    .map(({ slug }) => slug);
}

function matchersOf(brands: readonly BrandNames[]): readonly BrandMatcher[] {
  let matchers = compiled.get(brands);
  if (!matchers) {
    matchers = brands.map(({ slug, name, aliases }) => ({ slug, patterns: [name, ...(aliases ?? [])].flatMap(pattern) }));
    compiled.set(brands, matchers);
  }
  return matchers;
}

function pattern(alias: string): RegExp[] {
  const key = brandAliasKey(alias);
  if (key === '') return [];
  const letters = [...key].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(GAP);
  return [new RegExp(String.raw`(?<![\p{L}\p{N}])${letters}(?![\p{L}\p{N}])`, 'iu')];
}
