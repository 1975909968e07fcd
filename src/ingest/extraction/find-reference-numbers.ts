import type { Scan } from './scan.js';

/**
 * Words that introduce a case or claim reference: "ref: AB123456", "reference number 123",
 * "case #AB-1234", "claim code KL341", "Claim 3030", "Identifier Code: 45239", "order no. 77".
 */
const LABEL = String.raw`(?:ref(?:erence)?|case|claim|ticket|order|invoice|tracking|booking|consignment|identifier|transaction|account\s+ref)`;
const SUFFIX = String.raw`(?:\s*(?:no\.?|number|num|id|code|#))?`;
const REFERENCE = new RegExp(
  String.raw`\b${LABEL}${SUFFIX}\s*[:#.]?\s*#?\s*(?<value>[A-Z0-9][A-Z0-9-]{1,22}[A-Z0-9])(?![\p{L}\p{N}])`,
  'giu',
);
const HAS_DIGIT = /\d/;

/**
 * Reference numbers the message gives, as written (upper-cased). Kept on the report, never
 * indicators; a value must hold a digit ("claim your prize" is no reference). Their spans
 * are taken so "Claim 3030" or "Code: 45239" is never read as a short code.
 */
export function findReferenceNumbers(scan: Scan): string[] {
  const references: string[] = [];
  for (const match of scan.freeMatches(REFERENCE)) {
    const value = match.groups?.value ?? '';
    if (!HAS_DIGIT.test(value)) continue;
    scan.take(match.index, match.index + match[0].length);
    references.push(value.toUpperCase());
  }
  return references;
}
