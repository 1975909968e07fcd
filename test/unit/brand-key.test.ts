import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandAliasKey, brandKey, brandKeys, normaliseBrandName, unregisteredSlug } from '../../src/brands/brand-key.js';
import { BRANDS } from '../../src/synthetic/brands.data.js';

/** Words a brand may be made of: none of them generic, so the bare brand is never shrunk. */
const word = fc
  .stringMatching(/^[a-z][a-z0-9]{1,9}$/)
  .filter((each) => brandKey(each) === each && normaliseBrandName(`the ${each}`) === each);
const brandBase = fc.array(word, { minLength: 1, maxLength: 3 });
const suffixes = fc.array(
  fc.constantFrom('Bank', 'Australia', 'Support', 'Customer Service', 'Group', 'Ltd', 'Pty Ltd', 'Inc', 'Team', 'AU', 'Limited'),
  { maxLength: 3 },
);
const separator = fc.constantFrom(' ', '  ', '-', ' - ', '. ', ', ', ' & ', '_', '/');
const accents = ['\u0301', '\u0300', '\u0308', '\u0302', '\u0327'];

/** The same words as a person might type them: any case, accents, punctuation between words. */
function spelled(words: readonly string[], cases: readonly boolean[], marks: readonly number[], gaps: readonly string[]): string {
  return words
    .map((each, w) =>
      [...each]
        .map((char, c) => {
          const mark = marks[(w * 7 + c) % marks.length] ?? -1;
          const cased = cases[(w * 5 + c) % cases.length] ? char.toUpperCase() : char;
          return /[a-z]/i.test(char) && mark >= 0 ? `${cased}${accents[mark % accents.length]}` : cased;
        })
        .join(''),
    )
    .reduce((text, each, w) => (w === 0 ? each : `${text}${gaps[w % gaps.length] ?? ' '}${each}`), '');
}

describe('the brand normaliser', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const once = normaliseBrandName(name);
        expect(normaliseBrandName(once)).toBe(once);
        expect(brandKey(brandKey(name))).toBe(brandKey(name));
      }),
      { numRuns: 2000 },
    );
  });

  it('maps case, accent, punctuation and suffix variants of a name to its key', () => {
    fc.assert(
      fc.property(
        brandBase,
        suffixes,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 9 }),
        fc.array(fc.integer({ min: -3, max: 4 }), { minLength: 1, maxLength: 9 }),
        fc.array(separator, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (base, tail, cases, marks, gaps, leadingThe) => {
          const variant = `${leadingThe ? 'The ' : ''}${spelled([...base, ...tail], cases, marks, gaps)}`;
          expect(brandKey(variant)).toBe(base.join(''));
          expect(unregisteredSlug(variant)).toBe(base.join('-'));
          // The claim is looked up by its own spelling first, and by the base last.
          expect(brandKeys(variant)[0]).toBe(brandAliasKey(variant));
          expect(brandKeys(variant).at(-1)).toBe(base.join(''));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps distinct brands distinct, whatever suffixes they carry', () => {
    fc.assert(
      fc.property(brandBase, brandBase, suffixes, suffixes, (a, b, tailA, tailB) => {
        fc.pre(a.join('') !== b.join(''));
        expect(brandKey([...a, ...tailA].join(' '))).not.toBe(brandKey([...b, ...tailB].join(' ')));
      }),
    );
  });

  it('keeps the registered brands of the synthetic world apart, each spelling resolving to its own brand', () => {
    const owner = new Map<string, string>();
    for (const brand of BRANDS) {
      for (const spelling of [brand.slug, brand.name, brand.short, ...brand.aliases]) {
        const key = brandKey(spelling);
        expect(owner.get(key) ?? brand.slug, `${spelling} of ${brand.slug}`).toBe(brand.slug);
        owner.set(key, brand.slug);
      }
    }
  });
});

describe('what normalisation must not merge', () => {
  it.each([
    ['ING Bank', 'ing'],
    ['ING Australia', 'ing'],
    ['ING Bank Australia Pty Ltd', 'ing'],
    ['Apple Support', 'apple'],
    ['APPLE customer service team', 'apple'],
    ['Commonwealth Bank', 'commonwealth'],
    ['Crédit Agricole Group', 'credit agricole'],
    ['Bank of America', 'bank of america'],
    ['Australia Post', 'australia post'],
    ['Bank', 'bank'],
    ['Bank Australia', 'bank australia'],
    ['National Australia Bank', 'national australia bank'],
    ['Commonwealth Bank of Australia', 'commonwealth'],
    ['Bank of', 'bank of'],
    ['Customer Service', 'customer service'],
    ['Support Team', 'support team'],
    ['The Bank', 'the bank'],
    ['Services Australia', 'services australia'],
    ['St.George Bank', 'st george'],
  ])('%s → %s', (name, normalised) => {
    expect(normaliseBrandName(name)).toBe(normalised);
  });

  it('looks a claim up by its most specific spelling first', () => {
    expect(brandKeys('The Apple Bank Support')).toEqual(['theapplebanksupport', 'applebanksupport', 'applebank', 'apple']);
    expect(brandKeys('Bank of America')).toEqual(['bankofamerica']);
  });
});
