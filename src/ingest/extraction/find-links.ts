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
  const addUrl = (start: number, written: string, accept: (url: NormalisedUrl, written: string) => boolean) => {
    const result = normaliseUrl(written);
    if (!result.ok || !accept(result.value, written)) return;
    scan.take(start, start + written.length);
    urls.push({ ...result.value, raw: scan.raw(start, start + written.length) });
  };

  for (const match of scan.freeMatches(SCHEMED_URL)) addUrl(match.index, match[0], () => true);
  for (const match of scan.freeMatches(EMAIL)) {
    const result = normaliseEmail(match[0]);
    if (!result.ok) continue;
    scan.take(match.index, match.index + match[0].length);
    emails.push({ ...result.value, raw: scan.raw(match.index, match.index + match[0].length) });
  }
  for (const match of scan.freeMatches(SCHEMELESS_URL)) {
    // "details.www.97bmo.tk": a sentence run into the link; the link starts at "www.".
    const www = match[0].search(GLUED_WWW);
    const skip = www > 0 ? www : 0;
    addUrl(match.index + skip, match[0].slice(skip), looksLikeALink);
  }
  return { urls, emails };
}

const WWW = /^www\d?\./i;
const GLUED_WWW = /(?<=^[^/?#]*\.)www\d?\./i;
const HAS_PATH_OR_PORT = /^[^/?#]*?(?::\d|[/?#])/;
/** Suffixes in use long before words became top-level domains ("how", "love", "call", "win"). */
const ESTABLISHED_SUFFIXES = new Set(['com', 'net', 'org', 'info', 'biz', 'edu', 'gov', 'mil', 'int', 'mobi']);
/** "commbank-secure", "win82050"; not textspeak such as "2day" or "2". */
const MADE_UP_NAME = /^(?=.{3})(?:.*-|(?:.*\d){2})/;

/**
 * Without a scheme, "Wife.how", "AGAIN.call" or "ok.so" in a chat is a missing space, not a
 * link. Accept a bare name only when something marks it as a link: "www.", a path or a port,
 * a multi-label public suffix (".co.uk", ".com.au"), an established suffix (".com", ".net"),
 * or a made-up looking name: a hyphen or two digits ("commbank-secure.help", "txt82228.uk").
 */
function looksLikeALink(url: NormalisedUrl, written: string): boolean {
  if (WWW.test(written) || HAS_PATH_OR_PORT.test(written.replace(/^[^@]*@/, ''))) return true;
  const [name = '', ...suffix] = url.domain.split('.');
  return suffix.length > 1 || ESTABLISHED_SUFFIXES.has(suffix[0] ?? '') || MADE_UP_NAME.test(name);
}
