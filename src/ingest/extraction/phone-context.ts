/**
 * What the words around a number say it is. Read on the number's own line, a few words
 * either side: enough for "<Forwarded from 4487...>" or "Your mobile 0780... was awarded".
 */

const BEFORE_WINDOW = 48;
const AFTER_WINDOW = 32;
/** Put before a window cut mid-line, so "^" in a pattern means the start of the line. */
const CUT = '\u2026';

/**
 * The number is who sent the message: "<Forwarded from ...", "From: ...", "Sender ID: ...",
 * "Message centre +44..." (the sending centre a handset shows above a message).
 */
const SENDER_BEFORE =
  /(?:\bforwarded\s+from|\bfrom\s*:|^\s*[<([]?\s*from|\bsender(?:\s*id)?\s*:?|\bsent\s+(?:from|by)|\bcaller\s*id\s*:?|\bmessage\s+cent(?:er|re)\s*:?)\s*[<(["']?\s*$/i;
/** "Mobile no. 8623... has added you in their contact list": the one who reached out, not a number to call. */
const SENDER_AFTER = /^\s*(?:has|have)\s+(?:added|invited|sent|shared|forwarded)\s+(?:you|u)\b/i;

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
/** "44 7732584351, Do you want ...": a message that opens by addressing a number addresses the reader. */
const ADDRESSED_AFTER = /^\s*,/;

/** "eg LOVE ADAM EVE 07123456789": a made-up number showing a format, in the same sentence. */
const EXAMPLE_BEFORE = /\b(?:e\.?g\.?|for\s+example)\s[^.!?]{0,30}$/i;

/**
 * SENDER: shown as the sender; VICTIM: the reader's own number; EXAMPLE: a number showing a
 * format; BODY: anything else in the message, a number to contact.
 */
export type NumberContext = 'SENDER' | 'VICTIM' | 'EXAMPLE' | 'BODY';

/**
 * How the text around [start, end) presents the number there. `writtenInternationally`
 * says the number was written as country code plus national number ("+4490...", "4490...").
 * A message that opens with such a number (and then words, no comma) opens with its sender,
 * as handsets and forwarding services print it; a national-form number there is more often
 * a fragment's callback ("08714712388 between 10am-7pm").
 */
export function numberContext(text: string, start: number, end: number, writtenInternationally = false): NumberContext {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const windowStart = Math.max(lineStart, start - BEFORE_WINDOW);
  const before = (windowStart > lineStart ? CUT : '') + text.slice(windowStart, start);
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, Math.min(lineEnd === -1 ? text.length : lineEnd, end + AFTER_WINDOW));
  const opensMessage = text.slice(0, start).trim() === '';
  if (SENDER_BEFORE.test(before) || SENDER_AFTER.test(after)) return 'SENDER';
  if (VICTIM_BEFORE.test(before) || VICTIM_AFTER.test(after)) return 'VICTIM';
  if (YOU_BEFORE.test(before) && YOU_AFTER.test(after)) return 'VICTIM';
  if (opensMessage && ADDRESSED_AFTER.test(after)) return 'VICTIM';
  if (opensMessage && writtenInternationally && after.trim() !== '') return 'SENDER';
  if (EXAMPLE_BEFORE.test(before)) return 'EXAMPLE';
  return 'BODY';
}
