import type { ScamType } from '../reports/vocabulary.js';

/** The indicator kinds ground truth names, each keyed as the normalisers key it. */
export type IndicatorKind = 'phone' | 'url' | 'domain' | 'email' | 'wallet' | 'bankAccount';

/**
 * One line of the ground-truth JSONL. Keys: phone E.164, url and domain as normaliseUrl gives
 * them, email address, wallet "CHAIN:address", bank account "SCHEME:identifier" (the keys of
 * IndicatorSet). `campaign: null` marks noise: one-off reports, official channels (with the
 * brand's slug in `official`) and hubs such as shorteners and free mail (`hub: true`).
 */
export type TruthLine =
  | {
      readonly type: 'campaign';
      readonly campaign: string;
      readonly scamType: ScamType;
      /** Slugs of the brands it impersonates: two or more make its numbers cross-brand. */
      readonly brands: readonly string[];
      readonly startsAt: string;
      readonly endsAt: string;
    }
  | {
      readonly type: 'indicator';
      readonly indicator: IndicatorKind;
      readonly key: string;
      readonly campaign: string | null;
      readonly official?: string;
      readonly hub?: true;
      /**
       * A recycled number: this line comes later than the one naming its first operation, which
       * ended months before. The number belongs to the operation of its latest line.
       */
      readonly recycledFrom?: string;
    }
  | {
      readonly type: 'report';
      readonly externalId: string;
      readonly campaign: string | null;
      /** A bridge report: it also names infrastructure of this other operation. */
      readonly bridges?: string;
    };

export const indicatorTruth = (indicator: IndicatorKind, key: string, campaign: string | null): TruthLine => ({
  type: 'indicator',
  indicator,
  key,
  campaign,
});
