import { messageTemplate } from './normalise/message-template.js';
import type { ValidReport } from './validate-report.js';

/**
 * One report ready to write: src/ingest/batch-write.ts makes the parameters of cypher/ingest/ from
 * these (the bench's per-report statement takes them as they are). `brandSlug` is the
 * slug the claimed brand resolved to through its aliases, or a new slug for an unknown brand.
 */
export function toWriteRow(report: ValidReport, index: number, id: string, brandSlug: string | undefined) {
  const { indicators } = report;
  return {
    index,
    id,
    source: report.source,
    externalId: report.externalId,
    receivedAt: report.receivedAt.toISOString(),
    reportedAt: report.reportedAt?.toISOString() ?? null,
    channel: report.channel,
    scamType: report.scamType,
    text: report.text,
    template: messageTemplate(report.text),
    defaultRegion: report.defaultRegion,
    referenceNumbers: report.referenceNumbers,
    shortCodes: [...indicators.shortCodes],
    phones: [...indicators.phones.values()].map(({ value, roles }) => ({
      e164: value.e164,
      country: value.country,
      numberType: value.numberType,
      callback: roles.CALLBACK ?? null,
      callerId: roles.CALLER_ID ?? null,
      senderId: roles.SENDER_ID ?? null,
    })),
    domains: indicators.domains(),
    urls: [...indicators.urls.values()].map(({ value, via }) => ({
      url: value.url,
      hostname: value.hostname,
      domain: value.domain,
      via,
    })),
    emails: [...indicators.emails.values()].map(({ value, via }) => ({ address: value.address, domain: value.domain, via })),
    wallets: [...indicators.wallets.values()].map(({ value, via }) => ({ chain: value.chain, address: value.address, via })),
    bankAccounts: [...indicators.bankAccounts.values()].map(({ value, via }) => ({
      scheme: value.scheme,
      identifier: value.identifier,
      via,
    })),
    brands: report.claimedBrand
      ? [{ key: report.claimedBrand.key, slug: brandSlug ?? report.claimedBrand.slug, name: report.claimedBrand.name }]
      : [],
  };
}

export type WriteRow = ReturnType<typeof toWriteRow>;
