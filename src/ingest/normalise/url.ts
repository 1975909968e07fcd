import { domainToUnicode } from 'node:url';
import { parse as parseHost } from 'tldts';
import { foldCompatibilityChars } from './compatibility-fold.js';
import { refang } from './defang.js';
import { accept, reject, type Normalised } from './result.js';
import { quote } from '../../text/excerpt.js';

export interface NormalisedUrl {
  /** The canonical key: scheme, punycode host, port only when not the default, path, query. */
  readonly url: string;
  /** Lower-case punycode host name ("xn--cmmbank-8ya.com"), or the IP address. */
  readonly hostname: string;
  /** The host as a person reads it ("cömmbank.com"), for display only. */
  readonly unicodeHostname: string;
  /** Registrable domain (eTLD+1, punycode) with private suffixes honoured, or the IP address. */
  readonly domain: string;
  readonly isIp: boolean;
}

const MAX_URL_LENGTH = 2048;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;
/** "mailto:", "tel:", "javascript:" ... but not "host:8080". */
const OTHER_SCHEME = /^[a-z][a-z\d+.-]*:(?!\d)/i;
const WEB_PROTOCOLS = new Set(['http:', 'https:']);
const LEADING_WRAPPERS = /^[<("'“‘«[{]+/u;
const TRAILING_PUNCTUATION = /[.,;:!?'"’”»>]+$/u;
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * Normalises a URL as it appears in a message or a report field.
 *
 * Accepts scheme-less URLs ("commbank-secure.help/login" is read as http), defanged ones
 * ("hxxps://evil[.]example"), IDN hosts (stored in punycode, with a unicode display form),
 * IPv4 in any form the WHATWG URL parser takes ("http://3232235777" is 192.168.1.1), IPv6,
 * full-width characters, and text wrapped in brackets, quotes or sentence punctuation
 * (closing brackets are dropped only when unbalanced, so "wiki/Foo_(bar)" keeps its ")").
 * Userinfo is dropped: "https://commbank.com.au@evil.example" is https://evil.example/, whose
 * host is evil.example. The fragment and default ports are dropped, the host lower-cased.
 * Only http and https are URLs here; a host whose suffix is not on the Public Suffix List
 * ("localhost", "foo.zzz") or that is itself a public suffix ("com.au") is INVALID_URL.
 *
 * The registrable domain honours the PSL's private section (tldts `allowPrivateDomains`):
 * evil.netlify.app and evil.blogspot.com are registrable domains of their own, because each
 * is controlled by whoever made it, while the bare platform (netlify.app) is its own domain.
 */
export function normaliseUrl(raw: string): Normalised<NormalisedUrl> {
  const text = stripWrapping(refang(foldCompatibilityChars(raw).trim()));
  if (text.length === 0 || text.length > MAX_URL_LENGTH || /\s/.test(text)) {
    return reject('INVALID_URL', `a URL is 1 to ${MAX_URL_LENGTH} characters without spaces, got ${quote(raw)}`);
  }
  if (!HAS_SCHEME.test(text) && OTHER_SCHEME.test(text)) {
    return reject('INVALID_URL', `only http and https URLs are accepted, got ${quote(raw)}`);
  }
  const withScheme = HAS_SCHEME.test(text) ? text : `http://${text.replace(/^\/\//, '')}`;
  const url = parseUrl(withScheme);
  if (url === null || !WEB_PROTOCOLS.has(url.protocol)) {
    return reject('INVALID_URL', `not an http or https URL: ${quote(raw)}`);
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);

  const host = registrableHost(url.hostname);
  if (host === null) {
    return reject('INVALID_URL', `${quote(url.hostname)} is neither an IP address nor a name under a public suffix`);
  }
  return accept({
    url: url.href,
    hostname: url.hostname,
    unicodeHostname: host.isIp ? url.hostname : domainToUnicode(url.hostname),
    domain: host.domain,
    isIp: host.isIp,
  });
}

/**
 * The registrable domain (eTLD+1, punycode) of a URL or a host name, as {@link normaliseUrl}
 * finds it: "https://login.evil.co.uk/x" and "login.evil.co.uk" are both "evil.co.uk".
 * Anything normaliseUrl rejects is INVALID_DOMAIN.
 */
export function normaliseDomain(raw: string): Normalised<string> {
  const normalised = normaliseUrl(raw);
  if (!normalised.ok) return reject('INVALID_DOMAIN', `not a domain or URL: ${quote(raw)}`);
  return accept(normalised.value.domain);
}

function registrableHost(hostname: string): { domain: string; isIp: boolean } | null {
  const parsed = parseHost(hostname, { allowPrivateDomains: true });
  if (parsed.isIp) return { domain: parsed.hostname ?? hostname, isIp: true };
  if (!parsed.isIcann && !parsed.isPrivate) return null;
  // A bare private suffix (netlify.app, blogspot.com) is the platform's own site.
  const domain = parsed.domain ?? (parsed.isPrivate ? parseHost(hostname).domain : null);
  return domain === null ? null : { domain, isIp: false };
}

/** Drops what a sentence or a wrapper put around a URL: "<...>", "(...)", a final "." or ",". */
function stripWrapping(text: string): string {
  let result = text.replace(LEADING_WRAPPERS, '');
  for (let previous = ''; previous !== result;) {
    previous = result;
    result = result.replace(TRAILING_PUNCTUATION, '');
    const last = result.at(-1) ?? '';
    const opener = CLOSERS[last];
    if (opener !== undefined && count(result, opener) < count(result, last)) result = result.slice(0, -1);
  }
  return result;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * `new URL`, or null where it throws. Not URL.canParse: on Node 20 (20.20.2 measured) it answers false for
 * a valid non-ASCII URL ("https://cömmbank.com/") once V8 has optimised it, after about 4,000 calls, so a
 * long-running process began refusing IDN URLs that it accepted at start.
 */
function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
