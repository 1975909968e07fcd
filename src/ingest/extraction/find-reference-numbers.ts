import type { Scan } from './scan.js';

/**
 * Words that introduce a case or claim reference: "ref: AB123456", "reference number 123",
 * "case #AB-1234", "claim code KL341", "Identifier Code: 45239", "order no. 77", "file
 * KTU/9023118308/03", "Invoice #INV-2026-0412345", "batch number B142/245874120KYT",
 * "Account-ID:2175491781", "consumer no 11223344556".
 */
const NOUN = String.raw`(?:ref(?:erence)?|case|ticket|invoice|inv|tracking|consignment|identifier|file|policy|docket|incident|complaint|receipt|txn|shipment|parcel|awb|pnr|voucher|serial|batch|membership|member|customer|client|consumer|contract|badge|employee|agent|warrant|notice|account[\s-]*(?:id|ref))`;
/**
 * Words that are also verbs ("2 claim 0871..." is a number to call): a reference with a suffix
 * or a colon, or a value too short to be a phone number and not its first group ("Claim 3030",
 * "claim KL341"; not "claim 0871 277 8109", nor "claim 087 I27 781 09" with a look-alike 1, nor
 * "claim 0871 – (277) – 8109": up to 8 separators, as between the groups of one number (digit-runs.ts).
 */
const VERB = String.raw`(?:claim|order|booking|transaction|application|loan)`;
const SUFFIX = String.raw`\s*(?:no\.?|number|num|id|code|#)`;
const VALUE = String.raw`(?<value>[A-Z0-9][A-Z0-9/-]{1,28}[A-Z0-9])(?![\p{L}\p{N}])`;
/** "Pls call claim number 0906...": after a verb to reach someone, the label names a line to call. */
const AFTER_CALL = /\b(?:call|ring|dial|phone|contact)\s+(?:the\s+|our\s+|us\s+on\s+)?$/i;
const REFERENCE = new RegExp(
  String.raw`\b(?:${NOUN}(?:${SUFFIX})?|${VERB}(?:${SUFFIX}\s*[:#.]?|\s*[:#]|(?=\s+[A-Z]*\d{1,6}[A-Z]*(?![\p{L}\p{N}/-]|[^\p{L}\p{N}]{1,8}[\dOolI]))))\s*[:#.;]?\s*#?\s*${VALUE}`,
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
    if (!HAS_DIGIT.test(value) || AFTER_CALL.test(scan.text.slice(Math.max(0, match.index - 24), match.index))) continue;
    scan.take(match.index, match.index + match[0].length);
    references.push(value.toUpperCase());
  }
  return references;
}
