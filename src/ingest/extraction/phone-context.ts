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
/**
 * "44 7732584351, Do you want ...", "07732584351 - Rodger Burns - MSG = ...": a message that
 * opens by addressing a number (a comma, or a dash and a name) addresses the reader.
 */
const ADDRESSED_AFTER = /^\s*,|^\s*[-–—]\s*(?:\p{Lu}[\p{L}'.]*\s+){1,3}[-–—:]/u;
/**
 * "From Google Promo (GOOGLEPROMOASIA) +1 517-826-4723": a header line that opens with "From"
 * names the sender, unless a verb to reach someone stands between ("From 9am call 0412...").
 */
const FROM_LINE_BEFORE = /^\s*from\b(?![^\n]*\b(?:call|ring|dial|phone|contact|text|txt|whatsapp|reach)\b)[^\n]{0,60}$/i;

/**
 * The number is where something came from or went, not a line to call: "a login from 0422 117
 * 906", "a payment of $950 to 0412...", "a call from 02 ...", "transaction via +44...". Only
 * when the cue stands right before the number (nothing but number words between), so "a login
 * from Sydney. If this was not you, call 0422..." keeps its callback.
 */
const ORIGIN_BEFORE =
  /\b(?:log\s?-?in|logon|sign\s?-?in|signed\s+in|logged\s+in|access(?:ed)?|attempt|activity|request|transaction|payment|paid|purchase|transfer(?:red)?|charge[sd]?|debit(?:ed)?|withdrawal|device|sim\s+swap|call(?:s)?|message|sms|text)\b[^.!?\n]{0,24}?\b(?:from|by|via|using)\s*(?:the\s+|a\s+|an\s+)?(?:(?:phone|mobile|cell|device|number|no\.?|line)\s*)*[:#]?\s*$|\b(?:payment|paid|transfer(?:red)?|sent|send)\b[^.!?\n]{0,24}?\bto\s+(?:the\s+)?(?:(?:payid|mobile|number|no\.?)\s*)*[:#]?\s*$/i;
/** "Do not reply to 0412...", "0412... (do not reply)": the sending number, not the one to call. */
const NO_REPLY_BEFORE =
  /\b(?:do\s+not|don'?t|please\s+do\s+not|pls\s+do\s+not)\s+(?:reply|respond|text\s+back)\s+(?:to\s+)?(?:this\s+)?(?:number|no\.?|sms|message)?\s*[:#]?\s*$/i;
const NO_REPLY_AFTER =
  /^\s*[([-]?\s*(?:do\s+not|don'?t|please\s+do\s+not)\s+(?:reply|respond)\b|^\s*(?:is|was)\s+(?:a\s+)?(?:no-?reply|unmonitored)\b/i;
/** "sent to 0412...", "registered to your number 0412...": the reader's own line. */
const RECIPIENT_BEFORE =
  /\b(?:sent|delivered|registered|linked|associated|issued)\s+(?:to|with)\s+(?:your\s+)?(?:(?:mobile|phone|cell|number|no\.?)\s*)*[:#]?\s*$/i;

/**
 * A code or a card's digits, not a number to call: "verification code is 132221" (an
 * Australian 13 number by its shape), "OTP: 131450", "card ending 4321", "PIN 1300".
 */
const CODE_BEFORE =
  /\b(?:otp|one[-\s]?time\s+(?:pass(?:code|word)|code|pin)|(?:verification|security|access|auth(?:entication)?|login|promo|discount|coupon|confirmation|activation|reset)\s+code|code|pin|passcode|password|(?:card|account)\s+(?:number\s+)?ending(?:\s+(?:in|with))?|ending\s+(?:in|with)|last\s+(?:4|four)\s+digits)\s*(?:is|was|of|:|=|#)?\s*$/i;

/** "eg LOVE ADAM EVE 07123456789": a made-up number showing a format, in the same sentence. */
const EXAMPLE_BEFORE = /\b(?:e\.?g\.?|for\s+example)\s[^.!?]{0,30}$/i;

/**
 * SENDER: shown as the sender; VICTIM: the reader's own number; EXAMPLE: a number showing a
 * format, or a code or card digits that happen to read as a number; ORIGIN: where a login, call or payment came from or went; BODY: anything else in
 * the message, a number to contact.
 */
export type NumberContext = 'SENDER' | 'VICTIM' | 'EXAMPLE' | 'ORIGIN' | 'BODY';

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
  if (lineStart === 0 && FROM_LINE_BEFORE.test(text.slice(0, start))) return 'SENDER';
  if (NO_REPLY_BEFORE.test(before) || NO_REPLY_AFTER.test(after)) return 'SENDER';
  if (VICTIM_BEFORE.test(before) || VICTIM_AFTER.test(after) || RECIPIENT_BEFORE.test(before)) return 'VICTIM';
  if (ORIGIN_BEFORE.test(before)) return 'ORIGIN';
  if (YOU_BEFORE.test(before) && YOU_AFTER.test(after)) return 'VICTIM';
  if (opensMessage && ADDRESSED_AFTER.test(after)) return 'VICTIM';
  if (opensMessage && writtenInternationally && after.trim() !== '') return 'SENDER';
  if (EXAMPLE_BEFORE.test(before) || CODE_BEFORE.test(before)) return 'EXAMPLE';
  return 'BODY';
}
