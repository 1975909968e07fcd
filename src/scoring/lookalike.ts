import { domainToUnicode } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { getDomainWithoutSuffix } from 'tldts';
import unhomoglyph from 'unhomoglyph';
import { brandAliasKey } from '../brands/brand-key.js';

export interface BrandDomains {
  readonly slug: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly officialDomains: readonly string[];
}

export type LookalikeKind = 'HOMOGLYPH' | 'EDIT_DISTANCE' | 'BRAND_IN_NAME';

export interface Lookalike {
  readonly brand: string;
  readonly official: string;
  readonly kind: LookalikeKind;
  /** Edits between the two names (0 for homoglyphs and brand-in-name). */
  readonly edits: number;
}

const NAME_MIN = 4;

/** The part of a registrable domain a person reads as its name: "commbank" of commbank.com.au. */
const nameOf = (domain: string) => domainToUnicode(getDomainWithoutSuffix(domain, { allowPrivateDomains: true }) ?? domain).toLowerCase();

/** Confusable characters folded to one form (Unicode TR39 skeleton): "cοmmbаnk" and "c0mmbank" read as "commbank". */
const skeleton = (text: string) => unhomoglyph(text).toLowerCase();

/** How many edits still read as the same name: one per six letters, at least one. */
const editsAllowed = (name: string) => Math.max(1, Math.floor(name.length / 6));

/**
 * How `host` (a registrable domain, or a full hostname for brand-in-name) imitates a brand's
 * official domains: same skeleton with other characters, a near spelling, or the brand's
 * name inside a domain the brand does not own. The brand's own domains are never lookalikes.
 */
export function lookalikes(domain: string, hostname: string, brands: readonly BrandDomains[]): Lookalike[] {
  const found: Lookalike[] = [];
  const name = nameOf(domain);
  for (const brand of brands) {
    if (brand.officialDomains.includes(domain)) continue;
    const match = brand.officialDomains.flatMap((official): Lookalike[] => {
      const officialName = nameOf(official);
      if (officialName.length < NAME_MIN) return [];
      if (name !== officialName && skeleton(name) === skeleton(officialName))
        return [{ brand: brand.slug, official, kind: 'HOMOGLYPH', edits: 0 }];
      const edits = distance(skeleton(name), skeleton(officialName));
      return edits > 0 && edits <= editsAllowed(officialName) ? [{ brand: brand.slug, official, kind: 'EDIT_DISTANCE', edits }] : [];
    })[0];
    if (match) {
      found.push(match);
      continue;
    }
    const hostKey = brandAliasKey(skeleton(hostname));
    const brandName = [brand.name, ...brand.aliases, ...brand.officialDomains.map(nameOf)]
      .map((alias) => brandAliasKey(skeleton(alias)))
      .find((key) => key.length >= NAME_MIN && hostKey.includes(key));
    if (brandName && brand.officialDomains[0]) {
      found.push({ brand: brand.slug, official: brand.officialDomains[0], kind: 'BRAND_IN_NAME', edits: 0 });
    }
  }
  return found;
}
