/** "CommBank", "comm-bank" and "COMMBANK " are one alias: case, accents and punctuation ignored. */
export function brandAliasKey(name: string): string {
  return brandWords(name).join('');
}

/** A readable slug for a brand first seen by name: "Australia Post" → "australia-post". */
export function slugify(name: string): string {
  return brandWords(name).join('-');
}

/**
 * Words a brand name ends with that do not tell one brand from another: "ING Bank", "ING
 * Australia" and "ING Pty Ltd" are ING. Only ever removed from the end, so "Bank of America"
 * keeps its "Bank".
 */
const SUFFIXES: readonly (readonly string[])[] = [
  ['customer', 'service'],
  ['customer', 'services'],
  ['customer', 'support'],
  ['customer', 'care'],
  ['help', 'desk'],
  ['bank'],
  ['australia'],
  ['au'],
  ['support'],
  ['helpdesk'],
  ['group'],
  ['team'],
  ['ltd'],
  ['limited'],
  ['pty'],
  ['inc'],
  ['incorporated'],
  ['corp'],
  ['corporation'],
  ['llc'],
  ['plc'],
  // Left dangling by a suffix gone: "Commonwealth Bank of Australia" → "Commonwealth Bank of".
  ['of'],
  ['and'],
];

/**
 * Words too common to be a brand on their own. A name that would shrink to nothing but these
 * keeps its full form: "Bank Australia" is not "Bank", "National Australia Bank" is not "National".
 */
const GENERIC = new Set([
  ...SUFFIXES.flat(),
  'the',
  'a',
  'an',
  'of',
  'and',
  'my',
  'our',
  'your',
  'national',
  'federal',
  'state',
  'royal',
  'first',
  'united',
  'central',
  'new',
  'global',
  'international',
  'online',
  'mobile',
  'official',
  'post',
  'service',
  'services',
  'office',
  'tax',
  'government',
  'gov',
  'credit',
  'union',
  'savings',
  'trust',
  'mutual',
  'community',
  'people',
  'peoples',
  'home',
  'city',
  'express',
  'banking',
  'finance',
  'financial',
  'insurance',
  'energy',
  'telecom',
]);

/** Lower-case words of a name, accents dropped: "St.George  Bank" → ["st", "george", "bank"]. */
function brandWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

const isGeneric = (words: readonly string[]) => words.every((word) => GENERIC.has(word));

function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  return suffix.length < words.length && suffix.every((word, i) => words[words.length - suffix.length + i] === word);
}

/**
 * The name as written, then each shorter form left after dropping a leading "the" or one
 * trailing suffix at a time, never down to nothing or to generic words alone:
 * "The ING Bank Australia" → [the ing bank australia, ing bank australia, ing bank, ing].
 */
function brandForms(name: string): string[][] {
  let words = brandWords(name);
  const forms = [words];
  if (words[0] === 'the' && !isGeneric(words.slice(1))) forms.push((words = words.slice(1)));
  for (;;) {
    const suffix = SUFFIXES.find((each) => endsWith(words, each));
    const shorter = suffix ? words.slice(0, words.length - suffix.length) : null;
    if (!shorter || isGeneric(shorter)) return forms;
    forms.push((words = shorter));
  }
}

/**
 * Keys a claimed brand is looked up by, most specific first: its own alias key, then each
 * shorter form's. The first one a brand holds wins, so "Apple Bank Support" finds a registered
 * "Apple Bank" before "Apple".
 */
export function brandKeys(name: string): string[] {
  return [...new Set(brandForms(name).map((words) => words.join('')))];
}

/**
 * The normalised name: lower case, no accents or punctuation, generic suffixes dropped
 * ("ING Bank Australia" → "ing"). Idempotent, and empty only for a name with no letter or digit.
 */
export function normaliseBrandName(name: string): string {
  return (brandForms(name).at(-1) ?? []).join(' ');
}

/** The one key every spelling of a brand shares: "ING Bank", "ing australia" → "ing". */
export function brandKey(name: string): string {
  return normaliseBrandName(name).replaceAll(' ', '');
}

/** The slug a brand nobody registered gets, shared by all its spellings: "Apple Support" → "apple". */
export function unregisteredSlug(name: string): string {
  return normaliseBrandName(name).replaceAll(' ', '-');
}
