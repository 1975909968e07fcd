import { DEFANGED_AT, DEFANGED_DOT, DEFANGED_SCHEME } from '../normalise/defang.js';

/** Regex sources for links and addresses in running text, defanged forms included. */

const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const TOP_LEVEL = String.raw`(?:\p{L}{2,63}|xn--[a-z0-9-]{2,59})`;
/** A host name ending in something that could be a top-level domain; not a word's continuation. */
const HOST = String.raw`${LABEL}(?:${DEFANGED_DOT}${LABEL})*${DEFANGED_DOT}${TOP_LEVEL}(?![\p{L}\p{N}-])`;
/** What may follow a host: a port, then a path, query or fragment up to white space or quotes. */
const REST = String.raw`(?::\d{2,5})?(?:[/?#][^\s<>"'\x60\uFFFD]*)?`;
const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}@._%+-])`;

/**
 * "http://...", "hxxps[:]//..." up to white space, a quote or U+FFFD (what a lost character
 * became when the text was decoded: "via:https://evil.com<U+FFFD>to claim" ends before it).
 */
export const SCHEMED_URL = new RegExp(String.raw`\b${DEFANGED_SCHEME}[^\s<>"'\x60\uFFFD]+`, 'giu');

/** "user.name+tag@host.tld", "user[@]host[.]tld", "user (at) host (dot) tld"; not "a@b.com/x". */
export const EMAIL = new RegExp(String.raw`${NOT_AFTER_WORD}[\p{L}\p{N}._%+-]{1,64}${DEFANGED_AT}${HOST}(?![@/])`, 'giu');

/** "www.evil.com", "evil.com/login", "evil[.]help", "bank.com@evil.example/x" without a scheme. */
export const SCHEMELESS_URL = new RegExp(String.raw`${NOT_AFTER_WORD}(?:[^\s@/<>"'\x60]+@)?${HOST}${REST}`, 'giu');
