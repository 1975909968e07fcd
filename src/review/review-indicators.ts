import type { EmailEvidence, ReadText } from '../attachments/reading.js';
import { extractIndicators, type BrandNames } from '../ingest/extraction/extract-indicators.js';
import { normaliseEmail } from '../ingest/normalise/email.js';
import type { CountryCode } from '../ingest/normalise/phone.js';
import { normaliseDomain, normaliseUrl } from '../ingest/normalise/url.js';

export type IndicatorKind = 'PHONE' | 'URL' | 'EMAIL' | 'DOMAIN' | 'WALLET' | 'BANK_ACCOUNT';

/**
 * What an indicator does in the message. The reader is asked to use CALLBACK_NUMBER, LINK,
 * CONTACT_EMAIL, EMAIL_REPLY_TO and PAY_TO: the scammers' own channels, strong evidence.
 * SENDER_ID, EMAIL_FROM, EMAIL_RETURN_PATH and RELAY_HOST are shown to the reader or written by
 * the sending side and can be forged like a caller ID: recorded, never held against a brand.
 */
export type ReviewRole =
  | 'CALLBACK_NUMBER'
  | 'LINK'
  | 'CONTACT_EMAIL'
  | 'EMAIL_REPLY_TO'
  | 'PAY_TO'
  | 'SENDER_ID'
  | 'EMAIL_FROM'
  | 'EMAIL_RETURN_PATH'
  | 'RELAY_HOST';

export const ASKED_ROLES: ReadonlySet<ReviewRole> = new Set(['CALLBACK_NUMBER', 'LINK', 'CONTACT_EMAIL', 'EMAIL_REPLY_TO', 'PAY_TO']);

/** Where an indicator was read: typed text, or one of an attachment's texts or headers. */
export type Origin = 'TEXT' | ReadText['via'] | 'EMAIL_HEADER' | 'EMAIL_HTML';

export interface Source {
  readonly via: Origin;
  readonly attachmentId: string | null;
  readonly text: string;
}

export interface FoundIndicator {
  readonly kind: IndicatorKind;
  /** Canonical: E.164, normalised URL, lower-case address, registrable domain, chain:address, scheme:identifier. */
  readonly value: string;
  readonly role: ReviewRole;
  /** The registrable domain a domain check judges (URLs, addresses, hosts); null for the rest. */
  readonly domain: string | null;
  readonly hostname: string | null;
  readonly origins: { readonly via: Origin; readonly attachmentId: string | null; readonly raw: string }[];
}

/**
 * Every indicator in the message's texts (the extractor, once per text, so each keeps its
 * origin) and in its emails' headers, each once per kind, value and role with all its origins.
 * Pure. Also the slugs of the brands the texts name, in order.
 */
export function collectIndicators(
  sources: readonly Source[],
  emails: readonly { attachmentId: string; email: EmailEvidence }[],
  region: CountryCode,
  brands: readonly BrandNames[],
): { indicators: FoundIndicator[]; brandSlugs: string[] } {
  const found = new Map<string, FoundIndicator>();
  const add = (item: Omit<FoundIndicator, 'origins'>, via: Origin, attachmentId: string | null, raw: string) => {
    const key = `${item.kind} ${item.role} ${item.value}`;
    const entry = found.get(key) ?? { ...item, origins: [] };
    if (!entry.origins.some((origin) => origin.via === via && origin.attachmentId === attachmentId))
      entry.origins.push({ via, attachmentId, raw: raw.slice(0, 64) });
    found.set(key, entry);
  };
  const brandSlugs: string[] = [];
  for (const { via, attachmentId, text } of sources) {
    const extracted = extractIndicators(text, region, brands);
    for (const phone of extracted.phones) {
      add(
        {
          kind: 'PHONE',
          value: phone.e164,
          role: phone.role === 'CALLBACK' ? 'CALLBACK_NUMBER' : 'SENDER_ID',
          domain: null,
          hostname: null,
        },
        via,
        attachmentId,
        phone.raw,
      );
    }
    for (const url of extracted.urls)
      add({ kind: 'URL', value: url.url, role: 'LINK', domain: url.domain, hostname: url.hostname }, via, attachmentId, url.raw);
    for (const email of extracted.emails)
      add(
        { kind: 'EMAIL', value: email.address, role: 'CONTACT_EMAIL', domain: email.domain, hostname: email.domain },
        via,
        attachmentId,
        email.raw,
      );
    for (const wallet of extracted.wallets)
      add(
        { kind: 'WALLET', value: `${wallet.chain}:${wallet.address}`, role: 'PAY_TO', domain: null, hostname: null },
        via,
        attachmentId,
        wallet.raw,
      );
    for (const account of extracted.bankAccounts) {
      add(
        { kind: 'BANK_ACCOUNT', value: `${account.scheme}:${account.identifier}`, role: 'PAY_TO', domain: null, hostname: null },
        via,
        attachmentId,
        account.raw,
      );
    }
    for (const slug of extracted.brands) if (!brandSlugs.includes(slug)) brandSlugs.push(slug);
  }
  for (const { attachmentId, email } of emails) {
    const address = (raw: string, role: ReviewRole) => {
      const parsed = normaliseEmail(raw);
      if (parsed.ok)
        add(
          { kind: 'EMAIL', value: parsed.value.address, role, domain: parsed.value.domain, hostname: parsed.value.domain },
          'EMAIL_HEADER',
          attachmentId,
          raw,
        );
    };
    if (email.from) address(email.from.address, 'EMAIL_FROM');
    for (const mailbox of email.replyTo) address(mailbox.address, 'EMAIL_REPLY_TO');
    if (email.returnPath) address(email.returnPath, 'EMAIL_RETURN_PATH');
    for (const host of relayHosts(email))
      add(
        { kind: 'DOMAIN', value: host.domain, role: 'RELAY_HOST', domain: host.domain, hostname: host.hostname },
        'EMAIL_HEADER',
        attachmentId,
        host.hostname,
      );
    for (const link of email.links) {
      const url = normaliseUrl(link);
      if (url.ok)
        add(
          { kind: 'URL', value: url.value.url, role: 'LINK', domain: url.value.domain, hostname: url.value.hostname },
          'EMAIL_HTML',
          attachmentId,
          link,
        );
    }
  }
  return { indicators: [...found.values()], brandSlugs };
}

/** The hosts that handed the message on, less the receiving side's own (the topmost hop's "by"). */
function relayHosts(email: EmailEvidence): { domain: string; hostname: string }[] {
  const receiver = email.received[0]?.by ? normaliseDomain(email.received[0].by) : null;
  return email.received.flatMap((hop) => {
    const domain = hop.from ? normaliseDomain(hop.from) : null;
    if (!domain?.ok || (receiver?.ok && receiver.value === domain.value)) return [];
    return [{ domain: domain.value, hostname: hop.from as string }];
  });
}
