/**
 * What the words around a number say it is. Read on the number's own line, a few words
 * either side: enough for "<Forwarded from 4487...>" or "Your mobile 0780... was awarded".
 */

const BEFORE_WINDOW = 48;
const AFTER_WINDOW = 32;
/** Put before a window cut mid-line, so "^" in a pattern means the start of the line. */
const CUT = '\u2026';

/** The number is who sent the message: "<Forwarded from ...", "From: ...", "Sender ID: ...". */
const SENDER_BEFORE =
  /(?:\bforwarded\s+from|\bfrom\s*:|^\s*[<([]?\s*from|\bsender(?:\s*id)?\s*:?|\bsent\s+(?:from|by)|\bcaller\s*id\s*:?)\s*[<(["']?\s*$/i;

/** The number is the reader's own: "Your mobile 0780...", "Account Statement for 0774...", "Hi 0773...". */
const VICTIM_BEFORE = new RegExp(
  [
    String.raw`\byour\s+(?:mobile|phone|cell|number|no|line)(?:\s+(?:number|no))?\.?(?:\s+(?:is|was|ending(?:\s+in)?))?\s*[:#]?\s*$`,
    String.raw`\b(?:statement|bill|invoice)\s+for\s*$`,
    String.raw`(?:^|[.!?]\s*)(?:hi|hello|dear|attn)\s*[,:]?\s*$`,
  ].join('|'),
  'i',
);
/** "0780... has been selected", "... was awarded". */
const VICTIM_AFTER = /^\s*(?:(?:has|have|was|is)\s+(?:been\s+)?)?(?:awarded|selected|chosen)\b/i;
/** "YOU 0780... are guaranteed". */
const YOU_BEFORE = /\b(?:you|u)\s*$/i;
const YOU_AFTER = /^\s*(?:are|r|have|has)\b/i;

export type NumberContext = 'SENDER' | 'VICTIM' | 'BODY';

/** How the text around [start, end) presents the number there. */
export function numberContext(text: string, start: number, end: number): NumberContext {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const windowStart = Math.max(lineStart, start - BEFORE_WINDOW);
  const before = (windowStart > lineStart ? CUT : '') + text.slice(windowStart, start);
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, Math.min(lineEnd === -1 ? text.length : lineEnd, end + AFTER_WINDOW));
  if (SENDER_BEFORE.test(before)) return 'SENDER';
  if (VICTIM_BEFORE.test(before) || VICTIM_AFTER.test(after)) return 'VICTIM';
  if (YOU_BEFORE.test(before) && YOU_AFTER.test(after)) return 'VICTIM';
  return 'BODY';
}
