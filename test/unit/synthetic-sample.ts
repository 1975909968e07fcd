import type { IndicatorSet } from '../../src/ingest/indicator-set.js';
import { validateReport, type ValidReport } from '../../src/ingest/validate-report.js';
import { BRANDS } from '../../src/synthetic/brands.data.js';
import { generateScamWorld, type SyntheticReport } from '../../src/synthetic/scam-world.js';
import type { TruthLine } from '../../src/synthetic/truth.js';

export type IndicatorTruth = Extract<TruthLine, { type: 'indicator' }>;

export interface ValidatedSample {
  readonly items: readonly (SyntheticReport & { readonly valid: ValidReport })[];
  /** Every indicator truth line by "kind key". */
  readonly truth: ReadonlyMap<string, IndicatorTruth>;
}

/** A world of `reports`, each checked by the same validation the API runs (it throws on the first rejection). */
export function validatedSample(reports: number, seed: number): ValidatedSample {
  const truth = new Map<string, IndicatorTruth>();
  const now = new Date();
  const items = [...generateScamWorld({ reports, seed })].map((item) => {
    for (const line of item.truth) if (line.type === 'indicator') truth.set(`${line.indicator} ${line.key}`, line);
    const validation = validateReport(item.report, {
      defaultSource: 'test',
      textExcerptMax: 2_000,
      now,
      brands: BRANDS,
      undated: 'receipt',
    });
    if (!validation.ok) throw new Error(`report ${item.report.externalId} rejected: ${JSON.stringify(validation.errors)}`);
    return { ...item, valid: validation.report };
  });
  return { items, truth };
}

/** A report's indicators keyed as ground truth keys them; phones only in the role given. */
export function indicatorKeys(indicators: IndicatorSet, phoneRole: 'CALLBACK' | 'CALLER_ID'): string[] {
  return [
    ...[...indicators.phones].filter(([, { roles }]) => roles[phoneRole]).map(([e164]) => `phone ${e164}`),
    ...[...indicators.urls.keys()].map((url) => `url ${url}`),
    ...indicators.domains().map(({ name }) => `domain ${name}`),
    ...[...indicators.emails.keys()].map((address) => `email ${address}`),
    ...[...indicators.wallets.keys()].map((wallet) => `wallet ${wallet}`),
    ...[...indicators.bankAccounts.keys()].map((account) => `bankAccount ${account}`),
  ];
}
