/**
 * Defanged indicators as threat-intel feeds and cautious reporters write them:
 * "hxxps://evil[.]example", "evil(dot)example", "user[@]evil.example", "user(at)evil.example".
 */

const BRACKETED_DOT = String.raw`\s?[[({](?:\.|dot)[\])}]\s?`;
const BRACKETED_AT = String.raw`\s?[[({](?:@|at)[\])}]\s?`;

/** Regex source for a written dot: ".", "[.]", "(.)", "{.}", "[dot]", "(dot)", optionally spaced. */
export const DEFANGED_DOT = `(?:\\.|${BRACKETED_DOT})`;
/** Regex source for a written "@": "@", "[@]", "(@)", "[at]", "(at)", "{at}", optionally spaced. */
export const DEFANGED_AT = `(?:@|${BRACKETED_AT})`;
/** Regex source for a web scheme, plain or defanged: "http://", "hxxps://", "hxxp[:]//". */
export const DEFANGED_SCHEME = String.raw`h(?:tt|xx)ps?(?:\[:\]|:)\/\/`;

const DOT = new RegExp(BRACKETED_DOT, 'gi');
const AT = new RegExp(BRACKETED_AT, 'gi');
const SCHEME = new RegExp(`\\b${DEFANGED_SCHEME}`, 'gi');
const SECURE_SCHEME = /^h..ps/i;

/** Undoes the defanging above (case-insensitively); leaves ordinary text unchanged. */
export function refang(text: string): string {
  return text
    .replace(SCHEME, (scheme) => (SECURE_SCHEME.test(scheme) ? 'https://' : 'http://'))
    .replace(DOT, '.')
    .replace(AT, '@');
}
