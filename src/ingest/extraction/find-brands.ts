import { brandAliasKey, brandKeys } from '../../brands/brand-key.js';

/** A brand as the caller's registry knows it. */
export interface BrandNames {
  readonly slug: string;
  readonly name: string;
  readonly aliases?: readonly string[] | null | undefined;
}

/** What may stand between the letters of a name as people write it: "Comm Bank", "C.B.A", "Comm-Bank". */
const GAP = String.raw`[\s.\-_'’&]*`;

/** One key a brand is known by, as a pattern: compiled once per registry read rather than once per message. */
interface KeyMatcher {
  readonly key: string;
  readonly slug: string;
  readonly order: number;
  readonly pattern: RegExp;
}

const compiled = new WeakMap<readonly BrandNames[], readonly KeyMatcher[]>();

/**
 * Slugs of the brands the text mentions, in the caller's order. A mention resolves as a claimed
 * brand does (brand-key.ts): through the keys of each brand's name and aliases and their shorter
 * forms ("ING" finds a registered "ING Bank Australia"), a brand's own spelling before another's
 * shorter form, and the most specific mention only ("Fig Bank" finds Fig Bank, not also Fig).
 * Matching is case-, accent-, spacing- and punctuation-insensitive ("Commonwealth Bank",
 * "commbank", "C.B.A") and on word boundaries, so "CBA" is not found in "CBAR".
 */
export function findBrands(text: string, brands: readonly BrandNames[]): string[] {
  if (brands.length === 0) return [];
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '');
  const found = matchersOf(brands).filter(({ pattern }) => pattern.test(plain));
  const specific = found.filter(({ key }) => !found.some((other) => other.key.length > key.length && other.key.includes(key)));
  return [...new Map(specific.sort((a, b) => a.order - b.order).map(({ slug }) => [slug, slug])).keys()];
}

/** Each key to the one brand it finds: own spellings (exact) first, then shorter forms, earlier brands first. */
function matchersOf(brands: readonly BrandNames[]): readonly KeyMatcher[] {
  let matchers = compiled.get(brands);
  if (!matchers) {
    const holders = new Map<string, { slug: string; order: number }>();
    const names = ({ name, aliases }: BrandNames) => [name, ...(aliases ?? [])];
    brands.forEach((brand, order) => names(brand).forEach((name) => claim(holders, brandAliasKey(name), brand.slug, order)));
    brands.forEach((brand, order) =>
      names(brand)
        .flatMap(brandKeys)
        .forEach((key) => claim(holders, key, brand.slug, order)),
    );
    matchers = [...holders].map(([key, { slug, order }]) => ({ key, slug, order, pattern: pattern(key) }));
    compiled.set(brands, matchers);
  }
  return matchers;
}

function claim(holders: Map<string, { slug: string; order: number }>, key: string, slug: string, order: number): void {
  if (key !== '' && !holders.has(key)) holders.set(key, { slug, order });
}

function pattern(key: string): RegExp {
  const letters = [...key].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(GAP);
  return new RegExp(String.raw`(?<![\p{L}\p{N}])${letters}(?![\p{L}\p{N}])`, 'iu');
}
