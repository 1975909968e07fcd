import type { ReportInput } from '../../src/ingest/report-input.js';

/** mulberry32: a tiny seeded PRNG, so every run writes the same reports. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const BRANDS = ['CommBank', 'Westpac', 'NAB', 'ANZ', 'Australia Post', 'myGov', 'ATO', 'Telstra', 'Linkt', 'Amazon'];
const CHANNELS = ['SMS', 'EMAIL', 'VOICEMAIL', 'INVOICE', 'POPUP'] as const;
const SCAM_TYPES = ['BANK_IMPERSONATION', 'GOVERNMENT', 'DELIVERY', 'SUBSCRIPTION_REFUND', 'TECH_SUPPORT'] as const;

/**
 * Reports shaped like callback scams: a pool of callback numbers and lookalike domains shared by
 * many reports (campaign infrastructure), a brand each, and the message text that names them.
 * A stand-in until the synthetic world of issue 4; enough to load the write path realistically.
 */
export function* syntheticReports(count: number, seed = 1): Generator<ReportInput> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const numbers = Array.from({ length: Math.max(10, count / 20) }, () => `+614${String(Math.floor(next() * 1e8)).padStart(8, '0')}`);
  const domains = Array.from({ length: Math.max(10, count / 30) }, (_, i) => `secure-${i}-${Math.floor(next() * 1e6)}.help`);
  for (let i = 0; i < count; i++) {
    const brand = pick(BRANDS);
    const callback = pick(numbers);
    const domain = pick(domains);
    yield {
      externalId: `synthetic-${seed}-${i}`,
      source: 'bench',
      receivedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 300 * 86_400_000)),
      channel: pick(CHANNELS),
      scamType: pick(SCAM_TYPES),
      claimedBrand: brand,
      text: `${brand}: your account is locked. Call ${callback} or visit https://${domain}/verify now.`,
      callbackNumbers: [callback],
      ...(next() < 0.3 ? { callerIds: [pick(numbers)] } : {}),
    };
  }
}
