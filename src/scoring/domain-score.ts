import type { Lookalike } from './lookalike.js';
import { campaignReason, countWeight, reason, scoreFrom, type Check, type Reason, type ScoringSettings } from './verdict.js';

export interface DomainEvidence {
  readonly reportCount: number;
  readonly callbackNumbers: number;
  readonly brands: readonly string[];
  readonly campaignSize: number | null;
  readonly isShortener: boolean;
  readonly isPlatform: boolean;
  readonly isFreeMail: boolean;
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
  readonly officialFor: readonly string[];
  readonly lookalikes: readonly Lookalike[];
}

const NEW_DAYS = 30;
/** A shared host (shortener, platform, free mail) is used by everyone: it can be suspect, never HIGH_RISK. */
const HUB_CAP = 40;

/** The verdict on a domain. A brand's own domain is OFFICIAL; reports naming it are not evidence against it. */
export function scoreDomain(evidence: DomainEvidence, settings: ScoringSettings): Check {
  if (evidence.officialFor.length > 0) {
    const reasons = [reason('OFFICIAL_CHANNEL', `an official domain of ${evidence.officialFor.join(', ')}`)];
    if (evidence.reportCount > 0) {
      reasons.push(
        reason(
          'OFFICIAL_NAMED_IN_REPORTS',
          `${evidence.reportCount} report(s) name it: scam messages often link the real site beside a fake one`,
          0,
          evidence.reportCount,
        ),
      );
    }
    return { verdict: 'OFFICIAL', score: 0, reasons };
  }
  const reasons: Reason[] = [];
  if (evidence.reportCount > 0) {
    reasons.push(
      reason(
        'REPORTS',
        `named in ${evidence.reportCount} scam report(s)`,
        countWeight(evidence.reportCount, 30, 10, 50),
        evidence.reportCount,
      ),
    );
  }
  for (const lookalike of evidence.lookalikes) reasons.push(lookalikeReason(lookalike));
  if (reasons.length === 0) {
    return {
      verdict: 'UNKNOWN',
      score: 0,
      reasons: [reason('NO_REPORTS', 'no report names this domain and it imitates no registered brand')],
    };
  }
  if (evidence.callbackNumbers > 0) {
    reasons.push(
      reason(
        'SHARED_CALLBACK_NUMBERS',
        `appears beside ${evidence.callbackNumbers} callback number(s) in reports`,
        evidence.callbackNumbers >= 3 ? 15 : 10,
        evidence.callbackNumbers,
      ),
    );
  }
  if (evidence.brands.length >= 2) {
    reasons.push(reason('CROSS_BRAND', `named in reports impersonating ${evidence.brands.length} brands`, 10, evidence.brands.length));
  }
  const campaign = campaignReason(evidence.campaignSize);
  if (campaign) reasons.push(campaign);
  const ageDays = evidence.firstSeen ? Math.floor((settings.now.getTime() - evidence.firstSeen.getTime()) / 86_400_000) : null;
  if (ageDays !== null && ageDays <= NEW_DAYS && evidence.reportCount > 0) {
    reasons.push(reason('NEWLY_SEEN', `first reported ${ageDays} day(s) ago: scam domains are young`, 10, ageDays));
  }
  const hub = hubReason(evidence);
  if (hub) reasons.push(hub);
  const check = scoreFrom(reasons, evidence.lastSeen, settings);
  return hub && check.score > HUB_CAP ? { ...check, score: HUB_CAP, verdict: 'SUSPICIOUS' } : check;
}

function lookalikeReason({ brand, official, kind, edits }: Lookalike): Reason {
  const how = {
    HOMOGLYPH: `written with look-alike characters to read as ${official}`,
    EDIT_DISTANCE: `${edits} letter(s) away from ${official}`,
    BRAND_IN_NAME: `carries the name of ${brand} in a domain ${brand} does not own (official: ${official})`,
  }[kind];
  return reason(`LOOKALIKE_${kind}`, `imitates ${brand}: ${how}`, 30, edits || null);
}

function hubReason(evidence: DomainEvidence): Reason | null {
  if (evidence.isShortener)
    return reason('SHORTENER', "a link shortener: its links hide where they lead; the shortener itself is not the scammers'");
  if (evidence.isPlatform)
    return reason('PLATFORM', 'a big platform many unrelated people use: the page on it may be the scam, not the platform');
  if (evidence.isFreeMail) return reason('FREE_MAIL', 'a free mail provider: the address may be the scam, not the provider');
  return null;
}
