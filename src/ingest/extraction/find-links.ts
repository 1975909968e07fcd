import { normaliseEmail, type NormalisedEmail } from '../normalise/email.js';
import { normaliseUrl, type NormalisedUrl } from '../normalise/url.js';
import { EMAIL, SCHEMED_URL, SCHEMELESS_URL } from './link-patterns.js';
import type { Scan } from './scan.js';

export type ExtractedUrl = NormalisedUrl & { readonly raw: string };
export type ExtractedEmail = NormalisedEmail & { readonly raw: string };

/**
 * URLs and email addresses, in an order that settles their overlaps: links with a scheme
 * first (so "https://bank.com@evil.example" is a URL, not an email), then email addresses
 * (so "a@evil.example" does not also give "evil.example" as a URL), then scheme-less links.
 */
export function findLinks(scan: Scan): { urls: ExtractedUrl[]; emails: ExtractedEmail[] } {
  const urls: ExtractedUrl[] = [];
  const emails: ExtractedEmail[] = [];
  const addUrl = (start: number, end: number, written: string, accept: (url: NormalisedUrl, written: string) => boolean) => {
    const result = normaliseUrl(written);
    if (!result.ok || !accept(result.value, written)) return;
    scan.take(start, end);
    urls.push({ ...result.value, raw: scan.raw(start, end) });
  };

  // Cheap tests first: most messages hold no scheme, no "@" and no dotted name at all.
  if (MAYBE_SCHEME.test(scan.text))
    for (const match of scan.freeMatches(SCHEMED_URL)) {
      const link = rejoinSplitHost(scan.text, match.index, match[0]);
      if (link !== null && scan.isFree(match.index, link.end)) addUrl(match.index, link.end, link.written, () => true);
    }
  if (MAYBE_AT.test(scan.text))
    for (const match of scan.freeMatches(EMAIL)) {
      const result = normaliseEmail(match[0]);
      if (!result.ok || !plausibleMailbox(result.value)) continue;
      scan.take(match.index, match.index + match[0].length);
      emails.push({ ...result.value, raw: scan.raw(match.index, match.index + match[0].length) });
    }
  if ((scan.isAscii ? MAYBE_ASCII_HOST : MAYBE_HOST).test(scan.text))
    for (const match of scan.freeMatches(SCHEMELESS_URL)) {
      // "details.www.97bmo.tk": a sentence run into the link; the link starts at "www.".
      const www = match[0].search(GLUED_WWW);
      const skip = www > 0 ? www : 0;
      const end = match.index + match[0].length;
      addUrl(match.index + skip, end, match[0].slice(skip), looksLikeALink);
    }
  return { urls, emails };
}

const SCHEME = /^[a-z]+(?:\[:\]|:)\/\//i;
const MAYBE_SCHEME = /(?:\[:\]|:)\/\//;
const MAYBE_AT = /@|[[({]\s?at\s?[\])}]/i;
/** A name, a dot (or a defanged one) and two letters of a top-level domain. */
const MAYBE_ASCII_HOST = /[a-z0-9](?:\.|\s?[[({](?:\.|dot)[\])}]\s?)(?:[a-z]{2}|xn--)/i;
const MAYBE_HOST = /[\p{L}\p{N}](?:\.|\s?[[({](?:\.|dot)[\])}]\s?)(?:\p{L}{2}|xn--)/iu;
/** The next word after one space, if it can continue a host name. */
const NEXT_WORD = /^ (?=[\p{L}\p{N}])[^\s<>"'\x60\uFFFD]+/u;
const MAX_REJOINED_WORDS = 3;

/**
 * A schemed link as written, or rejoined when a stray space split its host: "http://wap.
 * xxxmobilemovieclub.com", "http://doit. mymoby. tv/", "...cleanbeautytalk.c om/x". Words
 * are joined only while the link is not yet valid and its host has begun but is still being
 * written (no path yet), and only if joining makes it valid. A bare scheme ("https://
 * westpac-mobile.cc") is left to the scheme-less pass, which reads the host as http.
 */
function rejoinSplitHost(text: string, start: number, written: string): { end: number; written: string } | null {
  let end = start + written.length;
  let joined = written;
  for (let words = 0; !normaliseUrl(joined).ok; words++) {
    const next = NEXT_WORD.exec(text.slice(end));
    const host = joined.replace(SCHEME, '');
    if (words === MAX_REJOINED_WORDS || next === null || host === '' || /[/?#]/.test(host)) return null;
    joined += next[0].slice(1);
    end += next[0].length;
  }
  return { end, written: joined };
}

const WWW = /^www\d?\./i;
const GLUED_WWW = /(?<=^[^/?#]*\.)www\d?\./i;
const HAS_PATH_OR_PORT = /^[^/?#]*?(?::\d|[/?#])/;
/** "B.SC.IT/BIO", "M.SC.IT": three or more one- or two-letter labels are an abbreviation. */
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,2}\.){2,}\p{L}{1,2}(?:[/?#:]|$)/u;
/** Suffixes in use long before words became top-level domains ("how", "love", "call", "win"). */
const ESTABLISHED_SUFFIXES = new Set(['com', 'net', 'org', 'info', 'biz', 'edu', 'gov', 'mil', 'int', 'mobi']);
/** "commbank-secure", "win82050"; not textspeak such as "2day" or "2". */
const MADE_UP_NAME = /^(?=.{3})(?:.*-|(?:.*\d){2})/;
/** "400sq.mtr", "10am.show": a quantity and its unit, not a name. */
const QUANTITY = /^\d+\p{L}{1,3}$/u;

/**
 * Without a scheme, "Wife.how", "AGAIN.call" or "ok.so" in a chat is a missing space, not a
 * link. Accept a bare name only when something marks it as a link: "www.", a path or a port,
 * a multi-label public suffix (".co.uk", ".com.au"), an established suffix (".com", ".net"),
 * or a made-up looking name: a hyphen or two digits ("commbank-secure.help", "txt82228.uk"),
 * but not a quantity ("400sq.mtr"). Dotted abbreviations ("B.SC.IT/BIO") are never links.
 */
function looksLikeALink(url: NormalisedUrl, written: string): boolean {
  const afterUserinfo = written.replace(/^[^@]*@/, '');
  if (DOTTED_ABBREVIATION.test(afterUserinfo)) return false;
  if (WWW.test(written) || HAS_PATH_OR_PORT.test(afterUserinfo)) return true;
  return namedLikeALink(url.domain);
}

function namedLikeALink(domain: string): boolean {
  const [name = '', ...suffix] = domain.split('.');
  if (suffix.length > 1 || ESTABLISHED_SUFFIXES.has(suffix[0] ?? '')) return true;
  return MADE_UP_NAME.test(name) && !QUANTITY.test(name);
}

/**
 * "rate 5000@sq.mtr" is a price, not a mailbox: an all-digit local part needs a domain that
 * would pass as a bare link ("12345@qq.com" does).
 */
function plausibleMailbox(email: NormalisedEmail): boolean {
  const local = email.address.slice(0, email.address.lastIndexOf('@'));
  return !/^\d+$/.test(local) || namedLikeALink(email.domain);
}
