/** What a check answers: never a bare score, always the reasons and the counts behind it. */
export type Verdict = 'HIGH_RISK' | 'SUSPICIOUS' | 'OFFICIAL' | 'UNKNOWN';

export interface Reason {
  readonly code: string;
  readonly message: string;
  /** Points this reason added to the score before recency decay (0 for context). */
  readonly weight: number;
  /** The count behind it (reports, brands, indicators, days), where there is one. */
  readonly count: number | null;
}

export interface Check {
  readonly verdict: Verdict;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

export interface ScoringSettings {
  /** Evidence last seen this many days ago weighs half. */
  readonly halfLifeDays: number;
  readonly now: Date;
}

/** Score thresholds, documented in the README's scoring table. */
export const HIGH_RISK_FROM = 60;
export const SUSPICIOUS_FROM = 20;
/** Evidence never fades below this share of its weight: an old scam number stays suspect. */
export const DECAY_FLOOR = 0.25;

const DAY_MS = 86_400_000;

export const reason = (code: string, message: string, weight = 0, count: number | null = null): Reason => ({
  code,
  message,
  weight,
  count,
});

/** log2-shaped weight for counts: the first report counts most, the tenth adds little. */
export const countWeight = (count: number, base: number, step: number, cap: number): number =>
  count <= 0 ? 0 : Math.min(cap, Math.round(base + step * Math.log2(count)));

/** A number's or a domain's campaign, a reason from 3 linked indicators up (more weight from 10). */
export const campaignReason = (campaignSize: number | null): Reason | null =>
  campaignSize !== null && campaignSize >= 3
    ? reason('CAMPAIGN', `part of a campaign of ${campaignSize} linked indicators`, campaignSize >= 10 ? 15 : 10, campaignSize)
    : null;

/**
 * Adds the reasons' weights, decays them by the age of the newest evidence, and turns the
 * score into a verdict. A recency reason says how much the age took away. Any evidence at all
 * (a weighted reason) makes it at least SUSPICIOUS: evidence never reads as unknown.
 */
export function scoreFrom(reasons: Reason[], lastSeen: Date | null, settings: ScoringSettings): Check {
  const raw = reasons.reduce((sum, each) => sum + each.weight, 0);
  const ageDays = lastSeen ? Math.max(0, Math.floor((settings.now.getTime() - lastSeen.getTime()) / DAY_MS)) : 0;
  const decay = Math.max(DECAY_FLOOR, 0.5 ** (ageDays / settings.halfLifeDays));
  if (lastSeen) {
    reasons.push(
      decay >= 0.99
        ? reason('RECENT', `last reported ${ageDays} day${ageDays === 1 ? '' : 's'} ago`, 0, ageDays)
        : reason('AGEING', `last reported ${ageDays} days ago: its evidence now weighs ${Math.round(decay * 100)}%`, 0, ageDays),
    );
  }
  const score = Math.min(100, Math.round(raw * decay));
  const verdict = score >= HIGH_RISK_FROM ? 'HIGH_RISK' : score >= SUSPICIOUS_FROM || raw > 0 ? 'SUSPICIOUS' : 'UNKNOWN';
  if (verdict === 'SUSPICIOUS' && score < SUSPICIOUS_FROM) {
    // Carriers reassign numbers and domains change hands, so old or weak evidence weighs little;
    // but a person asking about something scam reports name is told to be careful, never "unknown".
    reasons.push(
      reason(
        'EVIDENCE_ON_RECORD',
        `scam reports name it (score ${score}): suspicious until they are explained, however old or weak`,
        0,
        ageDays,
      ),
    );
  }
  return { verdict, score, reasons };
}
