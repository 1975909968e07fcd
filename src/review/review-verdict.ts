import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { HIGH_RISK_FROM, SUSPICIOUS_FROM, reason, type Check, type Reason, type Verdict } from '../scoring/verdict.js';
import { ASKED_ROLES, type FoundIndicator } from './review-indicators.js';

export interface CheckedIndicator extends FoundIndicator {
  /** The graph's check of the number or domain (wallets and bank accounts are not scored: null). */
  readonly check: Check | null;
}

export interface BrandChannels {
  readonly slug: string;
  readonly name: string;
  readonly officialNumbers: readonly string[];
  readonly officialDomains: readonly string[];
}

export interface Advice {
  readonly code: string;
  readonly message: string;
}

export interface Judgement {
  readonly verdict: Verdict;
  readonly score: number;
  readonly reasons: Reason[];
  readonly advice: Advice[];
  /** "CommBank's official number is ...; this message asks you to call ..., which ..." or null without a brand. */
  readonly brandSummary: string | null;
}

const RANK: Record<Verdict, number> = { UNKNOWN: 0, OFFICIAL: 0, SUSPICIOUS: 1, HIGH_RISK: 2 };

/** "which 14 report(s) name as a scam line", from the check's own counts; empty when none name it. */
function reportPhrase(check: Check | null): string {
  const counted = check?.reasons.find((each) => ['CALLBACK_REPORTS', 'REPORTS', 'SPOOFABLE_ONLY'].includes(each.code));
  if (!counted?.count) return '';
  const ago = check?.reasons.find((each) => each.code === 'RECENT' || each.code === 'AGEING')?.count;
  return `, which ${counted.count} scam report(s) name${ago === undefined || ago === null ? '' : `, last ${ago} day(s) ago`}`;
}

interface Readable {
  readonly phone: (e164: string) => string;
  readonly show: (indicator: CheckedIndicator) => string;
}

/** Numbers as the reader writes them: their region's nationally ("13 22 21"), others internationally ("+1 808 555 0147"). */
function readable(region: string): Readable {
  const phone = (e164: string) => {
    const parsed = parsePhoneNumberFromString(e164);
    return parsed ? (parsed.country === region ? parsed.formatNational() : parsed.formatInternational()) : e164;
  };
  return { phone, show: (indicator) => (indicator.kind === 'PHONE' ? phone(indicator.value) : indicator.value) };
}

/**
 * The overall answer for a message: the riskiest channel it asks the reader to use, plus what
 * the message itself gives away (a claimed brand's channels not used, a forged From, a request
 * to pay). Pure. Spoofable indicators (From, sender ID, relays) never raise the score on their
 * own: they can belong to an innocent party.
 */
export function judgeMessage(indicators: readonly CheckedIndicator[], brand: BrandChannels | null, region: string): Judgement {
  const format = readable(region);
  const { show, phone } = format;
  const asked = indicators.filter((each) => ASKED_ROLES.has(each.role));
  const reasons: Reason[] = [];
  let strongest: CheckedIndicator | null = null;
  for (const indicator of asked) {
    if (!indicator.check || RANK[indicator.check.verdict] === 0) continue;
    if (!strongest || indicator.check.score > (strongest.check?.score ?? 0)) strongest = indicator;
    reasons.push(
      reason(
        `REPORTED_${indicator.kind}`,
        `it asks you to use ${show(indicator)} (${indicator.role.toLowerCase().replaceAll('_', ' ')})${reportPhrase(indicator.check)}: ${indicator.check.verdict.toLowerCase().replace('_', ' ')}`,
        0,
        indicator.check.score,
      ),
    );
  }
  const callbacks = asked.filter((each) => each.role === 'CALLBACK_NUMBER');
  const links = asked.filter((each) => each.role === 'LINK');
  let brandSummary: string | null = null;
  if (brand) {
    const unofficialNumbers = callbacks.filter((each) => !brand.officialNumbers.includes(each.value));
    const unofficialLinks = links.filter((each) => each.domain !== null && !brand.officialDomains.includes(each.domain));
    if (unofficialNumbers.length > 0) {
      reasons.push(
        reason(
          'NOT_THE_BRANDS_NUMBER',
          `it claims to be ${brand.name}, whose official number is ${brand.officialNumbers.map(phone).join(' or ') || 'not registered'}, but asks you to call ${unofficialNumbers.map(show).join(', ')}`,
          30,
          unofficialNumbers.length,
        ),
      );
    }
    if (unofficialLinks.length > 0) {
      reasons.push(
        reason(
          'NOT_THE_BRANDS_SITE',
          `it claims to be ${brand.name}, whose sites are ${brand.officialDomains.join(', ') || 'not registered'}, but links to ${[...new Set(unofficialLinks.map((each) => each.domain))].join(', ')}`,
          25,
          unofficialLinks.length,
        ),
      );
    }
    brandSummary = summary(brand, callbacks, links, format);
  }
  reasons.push(...emailReasons(indicators, brand, format));
  const pay = asked.filter((each) => each.role === 'PAY_TO');
  if (pay.length > 0)
    reasons.push(
      reason(
        'ASKS_FOR_PAYMENT',
        `it gives ${pay.length} account(s) or wallet(s) to pay: organisations do not ask for payment to accounts named in a message`,
        15,
        pay.length,
      ),
    );
  if (indicators.length === 0) reasons.push(reason('NOTHING_FOUND', 'no number, link, address or account was found in it'));
  else if (asked.length > 0 && asked.every((each) => each.check?.verdict === 'OFFICIAL')) {
    reasons.push(reason('ONLY_OFFICIAL_CHANNELS', 'every channel it asks you to use is an official one'));
  }

  const messagePoints = reasons.reduce((sum, each) => sum + each.weight, 0);
  const score = Math.min(100, (strongest?.check?.score ?? 0) + messagePoints);
  const fromScore: Verdict = score >= HIGH_RISK_FROM ? 'HIGH_RISK' : score >= SUSPICIOUS_FROM ? 'SUSPICIOUS' : 'UNKNOWN';
  // Never milder than the worst channel it asks for: evidence never reads as unknown.
  const verdict = strongest?.check && RANK[strongest.check.verdict] > RANK[fromScore] ? strongest.check.verdict : fromScore;
  return { verdict, score, reasons, advice: advise(indicators, brand, verdict, phone), brandSummary };
}

function summary(
  brand: BrandChannels,
  callbacks: readonly CheckedIndicator[],
  links: readonly CheckedIndicator[],
  { show, phone }: Readable,
): string {
  const official =
    `${brand.name}'s official number is ${brand.officialNumbers.map(phone).join(' or ') || 'not registered here'}` +
    (brand.officialDomains.length > 0 ? ` and its sites are ${brand.officialDomains.join(', ')}` : '');
  const asks = [
    ...callbacks.map(
      (each) => `to call ${show(each)}${brand.officialNumbers.includes(each.value) ? ' (official)' : reportPhrase(each.check)}`,
    ),
    ...links.map(
      (each) =>
        `to open ${each.domain}${each.domain && brand.officialDomains.includes(each.domain) ? ' (official)' : reportPhrase(each.check)}`,
    ),
  ];
  return `${official}; ${asks.length > 0 ? `this message asks you ${asks.join(', and ')}` : 'this message asks you to use no number or link'}.`;
}

/** A From on a brand's (or any official) domain with replies going elsewhere is a forged sender. */
function emailReasons(indicators: readonly CheckedIndicator[], brand: BrandChannels | null, { show }: Readable): Reason[] {
  const from = indicators.find((each) => each.role === 'EMAIL_FROM');
  const replyTo = indicators.filter((each) => each.role === 'EMAIL_REPLY_TO' && each.domain !== from?.domain);
  if (!from || replyTo.length === 0) return [];
  const officialFrom =
    from.check?.verdict === 'OFFICIAL' || (from.domain !== null && (brand?.officialDomains.includes(from.domain) ?? false));
  const elsewhere = replyTo.map(show).join(', ');
  return officialFrom
    ? [
        reason(
          'FORGED_SENDER',
          `it shows From ${from.value}, an official domain's address, but replies go to ${elsewhere}: a From line is as easy to forge as a caller ID`,
          35,
        ),
      ]
    : [reason('REPLIES_ELSEWHERE', `replies go to ${elsewhere}, not to the sender shown (${from.value})`, 15)];
}

/** The seed's advice, only the parts that fit what was found. */
function advise(
  indicators: readonly CheckedIndicator[],
  brand: BrandChannels | null,
  verdict: Verdict,
  phone: (e164: string) => string,
): Advice[] {
  const roles = new Set(indicators.map((each) => each.role));
  const advice: Advice[] = [];
  const whom = brand ? `${brand.name}${brand.officialNumbers[0] ? ` on ${phone(brand.officialNumbers[0])}` : ''}` : 'the organisation';
  if (roles.has('CALLBACK_NUMBER')) {
    advice.push({
      code: 'DO_NOT_CALL',
      message: `Do not call numbers from unexpected messages. Call ${whom} using the number on your card or its official website, or use its official app.`,
    });
  }
  if (roles.has('LINK')) {
    advice.push({
      code: 'DO_NOT_CLICK',
      message: `Do not open links from unexpected messages; type ${brand?.officialDomains[0] ?? "the organisation's address"} yourself or use the official app.`,
    });
  }
  if (roles.has('EMAIL_REPLY_TO') || roles.has('CONTACT_EMAIL')) {
    advice.push({
      code: 'DO_NOT_REPLY',
      message: 'Do not reply or write to addresses in the message; contact the organisation through its official website or app.',
    });
  }
  if (roles.has('PAY_TO'))
    advice.push({
      code: 'DO_NOT_PAY',
      message: 'Never pay to an account or wallet a message gives you; no bank, government or company asks for that.',
    });
  if (verdict === 'HIGH_RISK' || verdict === 'SUSPICIOUS') {
    advice.push({
      code: 'IF_YOU_ACTED',
      message: 'If you already called, clicked, replied or paid, call your bank now on the number on your card.',
    });
  }
  if (indicators.length === 0)
    advice.push({
      code: 'NOTHING_TO_CHECK',
      message:
        'Nothing in it could be checked; if it asks for money or details, contact the organisation through its official app or website.',
    });
  return advice;
}
