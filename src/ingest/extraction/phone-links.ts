import type { PhoneVia } from '../../reports/vocabulary.js';

/** A number a link dials or opens a chat with, and the link's kind. */
export interface PhoneLink {
  readonly start: number;
  readonly end: number;
  /** The number as the link holds it, percent-decoded ("+61412345678", "1300123456"). */
  readonly number: string;
  /** Chat links carry the number internationally, "+" or not ("wa.me/61412345678"). */
  readonly international: boolean;
  readonly via: PhoneVia;
  /** A web link (wa.me, api.whatsapp.com) is also a URL; the link finder records it too. */
  readonly isWebLink: boolean;
}

const NUMBER = String.raw`(?<number>(?:\+|%2B)?[\d().\-%]*\d)`;

/**
 * `tel:` and `callto:` dial the number; `sms:`/`smsto:` text it; Viber, WhatsApp and Telegram
 * links open a chat with it. The scheme-less web forms ("wa.me/614...") count as the links
 * people paste them as. A query string's other parameters ("?text=Hi") are skipped over.
 */
const LINKS: ReadonlyArray<{ pattern: RegExp; via: PhoneVia; international: boolean; isWebLink: boolean }> = [
  // Lower case and no space after the colon, as links are written: "Tel: 0412 345 678" is a label.
  { pattern: new RegExp(String.raw`\b(?:tel|callto):(?:\/\/)?${NUMBER}`, 'gu'), via: 'tel-link', international: false, isWebLink: false },
  {
    pattern: new RegExp(String.raw`\b(?:sms|smsto|mms):(?:\/\/)?${NUMBER}`, 'gu'),
    via: 'sms-link',
    international: false,
    isWebLink: false,
  },
  {
    pattern: new RegExp(String.raw`\bviber:\/\/(?:chat|add|contact)\/?\?(?:[^\s#&]*&)*number=${NUMBER}`, 'giu'),
    via: 'viber-link',
    international: true,
    isWebLink: false,
  },
  {
    pattern: new RegExp(String.raw`\bwhatsapp:\/\/send\/?\?(?:[^\s#&]*&)*phone=${NUMBER}`, 'giu'),
    via: 'whatsapp-link',
    international: true,
    isWebLink: false,
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}.-])(?:https?:\/\/)?(?:www\.)?(?:wa\.me\/|(?:api|web)\.whatsapp\.com\/send\/?\?(?:[^\s#&]*&)*phone=)${NUMBER}`,
      'giu',
    ),
    via: 'whatsapp-link',
    international: true,
    isWebLink: true,
  },
  {
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}.-])(?:https?:\/\/)?(?:t\.me|telegram\.me)\/(?<number>(?:\+|%2B)\d{7,15})`, 'giu'),
    via: 'telegram-link',
    international: true,
    isWebLink: true,
  },
];

/** Every phone link in `text`, in order of appearance. */
export function findPhoneLinkNumbers(text: string): PhoneLink[] {
  const links: PhoneLink[] = [];
  if (!MAYBE_LINK.test(text)) return links;
  for (const { pattern, via, international, isWebLink } of LINKS) {
    for (const match of text.matchAll(pattern)) {
      const number = decode(match.groups?.number ?? '');
      links.push({ start: match.index, end: match.index + match[0].length, number, international, via, isWebLink });
    }
  }
  return links.sort((a, b) => a.start - b.start);
}

/** A cheap test that spares most messages the patterns above. */
const MAYBE_LINK = /tel|callto|sms|mms|viber|whatsapp|wa\.me|t\.me|telegram/i;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
