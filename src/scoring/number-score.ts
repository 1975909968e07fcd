import { campaignReason, countWeight, reason, scoreFrom, type Check, type Reason, type ScoringSettings } from './verdict.js';

/** What the graph knows about one number; gathered by CheckService, scored here without I/O. */
export interface NumberEvidence {
  readonly callbackReports: number;
  readonly callerIdReports: number;
  readonly senderIdReports: number;
  readonly brands: readonly string[];
  readonly campaignSize: number | null;
  readonly numberType: string | null;
  readonly lastSeen: Date | null;
  /** Names of the brands that list this number as their own. */
  readonly officialFor: readonly string[];
}

const NUMBER_TYPE_WEIGHTS: Record<string, [number, string]> = {
  PREMIUM_RATE: [10, 'a premium-rate number: every minute of the call earns its operator money'],
  VOIP: [5, 'a VoIP number: cheap to get, easy to drop and route anywhere'],
  TOLL_FREE: [0, 'a toll-free number: call centres, real and fake, use them'],
  SHARED_COST: [0, 'a shared-cost number (13/1300): call centres, real and fake, use them'],
};

/** The verdict on a number. A brand's own number is OFFICIAL whatever reports say: it is spoofed, not guilty. */
export function scoreNumber(evidence: NumberEvidence, settings: ScoringSettings): Check {
  const weak = evidence.callerIdReports + evidence.senderIdReports;
  if (evidence.officialFor.length > 0) return official(evidence, weak);
  if (evidence.callbackReports + weak === 0) {
    return { verdict: 'UNKNOWN', score: 0, reasons: [reason('NO_REPORTS', 'no report names this number')] };
  }
  const reasons: Reason[] = [];
  if (evidence.callbackReports > 0) {
    reasons.push(
      reason(
        'CALLBACK_REPORTS',
        `${evidence.callbackReports} report(s) tell victims to call this number: strong evidence it is the scammers' own line`,
        countWeight(evidence.callbackReports, 35, 10, 60),
        evidence.callbackReports,
      ),
    );
  }
  if (weak > 0) {
    const alone = evidence.callbackReports === 0;
    reasons.push(
      reason(
        alone ? 'SPOOFABLE_ONLY' : 'SPOOFABLE_REPORTS',
        `${weak} report(s) show it only as caller ID or SMS sender, which scammers can spoof: weak evidence`,
        alone ? countWeight(weak, 10, 5, 20) : 0,
        weak,
      ),
    );
  }
  if (evidence.brands.length >= 2) {
    reasons.push(
      reason(
        'CROSS_BRAND',
        `given as the number to call for ${evidence.brands.length} different brands (${evidence.brands.slice(0, 5).join(', ')})`,
        Math.min(25, 15 * (evidence.brands.length - 1)),
        evidence.brands.length,
      ),
    );
  }
  const campaign = campaignReason(evidence.campaignSize);
  if (campaign) reasons.push(campaign);
  const type = evidence.numberType ? NUMBER_TYPE_WEIGHTS[evidence.numberType] : undefined;
  if (type) reasons.push(reason(`NUMBER_TYPE_${evidence.numberType}`, type[1], type[0]));
  return scoreFrom(reasons, evidence.lastSeen, settings);
}

function official(evidence: NumberEvidence, weak: number): Check {
  const reasons = [reason('OFFICIAL_CHANNEL', `the official number of ${evidence.officialFor.join(', ')}`)];
  if (weak > 0) {
    reasons.push(
      reason(
        'SPOOFED_OFFICIAL',
        `${weak} report(s) show it as caller ID or sender: scammers spoof official numbers, so those reports are not evidence against it`,
        0,
        weak,
      ),
    );
  }
  if (evidence.callbackReports > 0) {
    reasons.push(
      reason(
        'OFFICIAL_GIVEN_AS_CALLBACK',
        `${evidence.callbackReports} report(s) give it as the number to call: a message pointing at the real number, or a reporting mistake`,
        0,
        evidence.callbackReports,
      ),
    );
  }
  return { verdict: 'OFFICIAL', score: 0, reasons };
}
