import type { Scan } from './scan.js';

/** 4-6 digits, not the start of a longer number, a decimal, "1000s" or "150p" ("69888Nyt" is a code). */
const CODE = String.raw`(?<code>\d{4,6})(?!\d|[.,]\d|(?:s|p|am|pm)\b)`;
/**
 * A 4-6 digit SMS short code where the text says so: the target of "txt WIN to 87121",
 * "reply STOP to 80488", "send GO to 83600", "opt out ... on 88222", "ans to 80062"; one
 * named "short code"; a sender header "<Forwarded from 88877>" / "FROM 88066"; or the five
 * digits a message opens with, in the sender's place ("85233 FREE>Ringtone!Reply REAL"),
 * shaped as UK codes are (6, 7 or 8 first), so "34000 of pple" or "5000 ISH" stay counts.
 */
const FROM_HEADER = new RegExp(String.raw`(?:\bforwarded\s+from|^\s*from|\bfrom\s*:)\s*[<(]?\s*${CODE}`, 'gimu');
const MAYBE_FROM = /from/i;
const FOUR_DIGITS = /\d{4}/;
const SHORT_CODE = [
  new RegExp(
    String.raw`\b(?:txt|text|txting|texting|send|reply|rply|sms|msg|message|stop|opt\s*out|unsubscribe|ans|answer)\b[^.!?\n]{0,60}?\b(?:to|on|2)\s*(?:no\.?|number)?\s*:?\s*${CODE}`,
    'giu',
  ),
  new RegExp(String.raw`\bshort\s*code\s*:?\s*${CODE}`, 'giu'),
  FROM_HEADER,
  new RegExp(String.raw`^\s*(?<code>[6-8]\d{4})(?=\s*:|\s+[\p{L}\p{N}])`, 'gu'),
];

/** Short codes, each once, in order of appearance; a short code is never a phone number. */
export function findShortCodes(scan: Scan): string[] {
  const found: Array<{ at: number; code: string }> = [];
  // A short code is four to six digits in a row: without such a run no pattern can match.
  if (!FOUR_DIGITS.test(scan.text)) return [];
  for (const pattern of SHORT_CODE) {
    if (pattern === FROM_HEADER && !MAYBE_FROM.test(scan.text)) continue;
    for (const match of scan.text.matchAll(pattern)) {
      const code = match.groups?.code ?? '';
      const start = match.index + match[0].length - code.length;
      if (!scan.isFree(start, start + code.length)) continue;
      scan.take(start, start + code.length);
      found.push({ at: start, code });
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map(({ code }) => code))];
}
