import { normaliseEmail } from '../ingest/normalise/email.js';
import { normaliseUrl } from '../ingest/normalise/url.js';
import type { ScamType } from '../reports/vocabulary.js';
import { canonical } from './canonical.js';
import type { Random } from './random.js';
import { base62, syllableTag, SYLLABLE_TAGS, UniqueSerials } from './unique-serials.js';
import {
  FREE_MAIL,
  HOMOGLYPHS,
  HOSTING_PLATFORMS,
  MAILBOXES,
  PERSON_NAMES,
  PHISHING_TLDS,
  SHARED_PLATFORMS,
  SHORTENERS,
  SITE_WORDS,
} from './web.data.js';

/** A phishing site: its registrable domain (the key), the host as written, and its paths. */
export interface SiteItem {
  readonly domain: string;
  readonly host: string;
  readonly scheme: 'https://' | 'http://' | '';
  readonly paths: readonly string[];
  /** Each victim gets a link of their own ("?id=K3F9QX"), as many smishing kits do. */
  readonly perVictimLinks: boolean;
  /** Canonical URLs already in the ground truth, at most one per path. */
  readonly knownUrls: Set<string>;
}

/** An address as written and its canonical key. */
export interface WrittenIndicator {
  readonly written: string;
  readonly key: string;
}

export interface EmailItem extends WrittenIndicator {
  readonly domain: string;
  /** The mailbox is on a domain registered for it (new to the truth), not on free mail. */
  readonly ownDomain: boolean;
}

/** Mints lookalike sites, links and mailboxes, every domain and short code unique by construction. */
export class WebMint {
  private readonly tags: UniqueSerials;
  private readonly shortCodes: UniqueSerials;

  constructor(private readonly random: Random) {
    this.tags = new UniqueSerials(SYLLABLE_TAGS, random);
    this.shortCodes = new UniqueSerials(62 ** 6, random);
  }

  /** A site imitating one of `lookalikes` (a brand's words), or a brand-neutral one when null. */
  site(lookalikes: readonly string[] | null, scamType: ScamType): SiteItem {
    const { words, paths } = SITE_WORDS[scamType];
    const r = this.random;
    const tag = syllableTag(this.tags.next());
    const word = r.pick(words);
    const tld = r.pick(PHISHING_TLDS);
    const token = lookalikes ? r.pick(lookalikes) : r.pick(words.filter((w) => w !== word).concat('secure'));
    const form = lookalikes
      ? r.weighted(['plain', 'typo', 'homoglyph', 'subdomain', 'tenant'], [40, 15, 10, 15, 20])
      : r.chance(0.2)
        ? 'tenant'
        : 'plain';
    const host =
      form === 'typo'
        ? `${typo(token, r)}-${tag}.${tld}`
        : form === 'homoglyph'
          ? `${homoglyph(token, r)}-${word}-${tag}.${tld}`
          : form === 'subdomain'
            ? `${token}.${word}-${tag}.${tld}`
            : form === 'tenant'
              ? `${token}-${word}-${tag}.${r.pick(HOSTING_PLATFORMS)}`
              : `${r.pick(['', '', 'www.', 'login.'])}${token}-${word}-${tag}.${tld}`;
    const scheme = form === 'homoglyph' ? 'https://' : r.weighted(['https://', 'http://', ''] as const, [80, 12, 8]);
    const sitePaths = Array.from({ length: r.int(1, 3) }, () => r.pick(paths));
    const site = { host, scheme, paths: [...new Set(sitePaths)], perVictimLinks: r.chance(0.3), knownUrls: new Set<string>() };
    return { ...site, domain: canonical(normaliseUrl(`https://${host}/`)).domain };
  }

  /** A link into `site`; `isNew` when its canonical URL was not in the truth before. */
  link(site: SiteItem): WrittenIndicator & { isNew: boolean } {
    const path = this.random.pick(site.paths);
    const query = site.perVictimLinks ? `?id=${base62(this.shortCodes.next(), 6)}` : '';
    const written = `${site.scheme}${site.host}/${path}${query}`;
    const url = canonical(normaliseUrl(written)).url;
    const isNew = !site.knownUrls.has(url);
    if (isNew && !site.perVictimLinks) site.knownUrls.add(url);
    return { written, key: url, isNew };
  }

  /** A short link ("https://bit.ly/3kF9zQ"): the link is the campaign's, the shortener a hub. */
  shortLink(): WrittenIndicator & { shortener: string } {
    const shortener = this.random.pick(SHORTENERS);
    const written = `https://${shortener}/${base62(this.shortCodes.next(), 6)}`;
    return { written, key: canonical(normaliseUrl(written)).url, shortener };
  }

  /** A page or channel on a shared platform ("https://t.me/kazotemu"): every operation's domain there is the same hub. */
  platformLink(): WrittenIndicator {
    const written = `${this.random.pick(SHARED_PLATFORMS).prefix}${syllableTag(this.tags.next())}`;
    return { written, key: canonical(normaliseUrl(written)).url };
  }

  /** A mailbox on free mail, or on a lookalike domain registered for mail alone. */
  email(lookalikes: readonly string[] | null, scamType: ScamType): EmailItem {
    const ownDomain = this.random.chance(0.5);
    const written = ownDomain
      ? `${this.random.pick(MAILBOXES)}@${this.site(lookalikes, scamType).domain}`
      : `${this.random.pick(PERSON_NAMES)}.${syllableTag(this.tags.next())}@${this.random.pick(FREE_MAIL)}`;
    const email = canonical(normaliseEmail(written));
    return { written, key: email.address, domain: email.domain, ownDomain };
  }
}

/** "cornmbank", "westpacc", "anzz": one slip of the kind typosquatters register. */
function typo(word: string, random: Random): string {
  const at = random.int(0, word.length - 1);
  const letter = word[at] ?? '';
  if (letter === 'm' && random.chance(0.5)) return `${word.slice(0, at)}rn${word.slice(at + 1)}`;
  if (/[a-z]/.test(letter)) return `${word.slice(0, at + 1)}${letter}${word.slice(at + 1)}`;
  return `${word}s`;
}

function homoglyph(word: string, random: Random): string {
  const candidates = [...word].flatMap((char, i) => (HOMOGLYPHS[char] ? [i] : []));
  if (candidates.length === 0) return word;
  const at = random.pick(candidates);
  return `${word.slice(0, at)}${HOMOGLYPHS[word[at] ?? '']}${word.slice(at + 1)}`;
}
