import type { WriteRow } from '../../src/ingest/report-rows.js';

/**
 * A new report's write row (id `id-<index>`, received on one import day) naming callback numbers,
 * caller ids and domains, claiming a brand: what batch-write and the alert matching read.
 */
export function writeRow(
  index: number,
  spec: { reportedAt?: string | null; callbacks?: string[]; callerIds?: string[]; domains?: string[]; slug?: string | null },
): WriteRow {
  const { reportedAt = '2026-01-01T00:00:00.000Z', callbacks = [], callerIds = [], domains = [], slug = null } = spec;
  return {
    index,
    id: `id-${index}`,
    source: 'test',
    externalId: `x${index}`,
    receivedAt: '2026-02-01T00:00:00.000Z',
    reportedAt,
    channel: 'SMS',
    scamType: null,
    text: null,
    defaultRegion: 'AU',
    referenceNumbers: [],
    shortCodes: [],
    phones: [...new Set([...callbacks, ...callerIds])].map((e164) => ({
      e164,
      country: 'AU',
      numberType: 'MOBILE',
      callback: callbacks.includes(e164) ? 'field' : null,
      callerId: callerIds.includes(e164) ? 'field' : null,
      senderId: null,
    })),
    domains: domains.map((name) => ({ name, isIp: false, isShortener: false, isPlatform: false, isFreeMail: false })),
    urls: [],
    emails: [],
    wallets: [],
    bankAccounts: [],
    brands: slug ? [{ key: slug, slug, name: slug }] : [],
  } as unknown as WriteRow;
}
