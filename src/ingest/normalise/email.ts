import { foldCompatibilityChars } from './compatibility-fold.js';
import { refang } from './defang.js';
import { accept, reject, type Normalised } from './result.js';
import { quote } from '../../text/excerpt.js';
import { normaliseUrl } from './url.js';

export interface NormalisedEmail {
  /** The canonical key: lower-case local part, "@", lower-case punycode host name. */
  readonly address: string;
  /** Registrable domain of the host (eTLD+1, punycode). */
  readonly domain: string;
}

/**
 * RFC 5322 dot-atom characters; quoted local parts are not used by anyone we meet. A leading "="
 * is allowed by the RFC but issued by no provider, and is how a formula is smuggled into the
 * spreadsheets analysts open: refused.
 */
const LOCAL_PART = /^(?!=)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const MAX_LOCAL_PART = 64;
const MAX_ADDRESS = 254;
const MAILTO = /^mailto:/i;

/**
 * Normalises an email address: "mailto:" dropped, defanged "[@]", "(at)", "[.]", "(dot)"
 * read back, lower-cased as a whole (mail providers treat local parts case-insensitively in
 * practice, and one mailbox must be one key), IDN host to punycode. The host must be a name
 * under a public suffix (no IP literals, no "localhost"). Sub-addresses ("a+tag@") are kept:
 * whether they reach the same mailbox is the provider's business. Invalid is INVALID_EMAIL.
 */
export function normaliseEmail(raw: string): Normalised<NormalisedEmail> {
  const text = refang(foldCompatibilityChars(raw).trim()).replace(MAILTO, '').toLowerCase();
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const host = text.slice(at + 1);
  if (at < 1 || text.length > MAX_ADDRESS || local.length > MAX_LOCAL_PART || !LOCAL_PART.test(local)) {
    return reject('INVALID_EMAIL', `not an email address: ${quote(raw)}`);
  }
  // The host goes through the URL normaliser so IDN, suffix rules and traits agree with links.
  const url = /^[\p{L}\p{N}.-]+$/u.test(host) ? normaliseUrl(host) : null;
  if (!url?.ok || url.value.isIp) {
    return reject('INVALID_EMAIL', `${quote(host)} is not a mail domain under a public suffix (in ${quote(raw)})`);
  }
  return accept({ address: `${local}@${url.value.hostname}`, domain: url.value.domain });
}
