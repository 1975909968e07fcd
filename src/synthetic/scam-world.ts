import type { ReportInput } from '../ingest/report-input.js';
import { normaliseDomain, normaliseUrl } from '../ingest/normalise/url.js';
import { normalisePhoneNumber } from '../ingest/normalise/phone.js';
import type { ScamType } from '../reports/vocabulary.js';
import { BRANDS, FAKE_PLATFORMS } from './brands.data.js';
import { Campaign, type CampaignPlan, type Mints } from './campaign.js';
import { canonical } from './canonical.js';
import { composeReport } from './compose-report.js';
import { SCAM_TYPE_MIX } from './lures.data.js';
import { PaymentMint } from './payments.js';
import { PhoneNumberMint } from './phone-numbers.js';
import { Random } from './random.js';
import type { TruthLine } from './truth.js';
import { WebMint } from './web.js';
import { NumberRecycler } from './number-recycler.js';
import { ScriptShop } from './script-shop.js';
import { FREE_MAIL, SHARED_PLATFORMS, SHORTENERS } from './web.data.js';

export interface ScamWorldOptions {
  /** How many reports to yield. */
  readonly reports: number;
  readonly seed?: number;
  /** The reports' source: with externalId, their idempotency key. */
  readonly source?: string;
  /** Reports arrive, in order, over `days` from `from`; both default to the year 2025. */
  readonly from?: Date;
  readonly days?: number;
  /** Share of reports that belong to no campaign. */
  readonly oneOffShare?: number;
  /**
   * Messy-world knobs, all 0 by default (the world of earlier versions, byte for byte):
   * bridgeShare: reports that also name a number or link of another running operation;
   * recycledShare: new callback numbers that are an ended operation's, reassigned after RECYCLE_QUIET_DAYS;
   * platformShare: links on a shared platform (t.me, sites.google.com, linktr.ee), whose domain is a hub;
   * victimCallerIdShare: calls and texts showing a real person's number (one of a few hundred, shared by all operations).
   */
  readonly bridgeShare?: number;
  readonly recycledShare?: number;
  readonly platformShare?: number;
  readonly victimCallerIdShare?: number;
  /**
   * Crews' scripts (crew-script.ts), also 0 by default:
   * scriptedShare: share of an operation's messages sent from its own script (0: no scripts);
   * kitShare: share of operations that send an earlier operation's script (the kit sold on), not their own;
   * rewriteShare: share of operations that rewrite their script part-way through their life.
   */
  readonly scriptedShare?: number;
  readonly kitShare?: number;
  readonly rewriteShare?: number;
}

/**
 * Bumped when the same options and seed write another world (crews' scripts: 2), so that worlds kept on
 * disk by the benchmark are written again rather than reused.
 */
export const GENERATOR_VERSION = 2;

/** A recycled number comes back only after its first operation has been over this long: months apart. */
export const RECYCLE_QUIET_DAYS = 90;
const VICTIM_CALLER_IDS = 300;

export interface SyntheticReport {
  readonly report: ReportInput;
  readonly campaign: string | null;
  /** Ground truth this report brings (the first report also carries the official channels and hubs). */
  readonly truth: readonly TruthLine[];
}

const DAY_MS = 86_400_000;
const SCAM_TYPES = Object.keys(SCAM_TYPE_MIX) as ScamType[];

/**
 * A deterministic stream of Australian-first scam reports with ground truth, any size.
 *
 * A bounded set of campaigns runs at any time (from 4 for small worlds up to 400, whatever
 * the number of reports): each has a scam type, one brand or several (its numbers are then
 * cross-brand), a lifetime of 2 to 150 days and a heavy-tailed share of the traffic; when
 * one ends another starts. Reports arrive in time order, each from a running campaign or, at
 * `oneOffShare`, a one-off with infrastructure of its own. Memory holds only the running
 * campaigns' live infrastructure, so it stays flat from a thousand reports to five million.
 */
export function* generateScamWorld(options: ScamWorldOptions): Generator<SyntheticReport> {
  const { reports, seed = 1, source = 'synthetic', from = new Date('2025-01-01T00:00:00Z'), days = 365, oneOffShare = 0.08 } = options;
  const { bridgeShare = 0, recycledShare = 0, platformShare = 0, victimCallerIdShare = 0 } = options;
  const { scriptedShare = 0, kitShare = 0, rewriteShare = 0 } = options;
  const shares = { oneOffShare, bridgeShare, recycledShare, platformShare, victimCallerIdShare, scriptedShare, kitShare, rewriteShare };
  for (const [name, share] of Object.entries(shares)) {
    if (!(share >= 0 && share <= 1)) throw new Error(`${name} must be a share between 0 and 1, got ${share}`);
  }
  if (!Number.isSafeInteger(reports) || reports < 0) throw new Error(`reports must be a whole number >= 0, got ${reports}`);
  const schedule = new Random(seed);
  const mintRandom = schedule.fork();
  const reserved = new Set(BRANDS.flatMap((brand) => brand.officialNumbers.map((n) => canonical(normalisePhoneNumber(n)).e164)));
  const phones = new PhoneNumberMint(mintRandom, reserved);
  const recycler = recycledShare > 0 ? new NumberRecycler(recycledShare, RECYCLE_QUIET_DAYS) : undefined;
  const mints: Mints = {
    phones,
    web: new WebMint(mintRandom),
    payments: new PaymentMint(mintRandom, phones),
    ...(recycler ? { recycler } : {}),
    ...(platformShare > 0 ? { platformShare } : {}),
  };
  // Drawn apart from the schedule, so the default world (all shares 0) stays what it was.
  const messy = bridgeShare > 0 || victimCallerIdShare > 0 ? schedule.fork() : schedule;
  const victims = victimCallerIdShare > 0 ? Array.from({ length: VICTIM_CALLER_IDS }, () => phones.victim()) : [];
  const scripts = scriptedShare > 0 ? new ScriptShop(schedule.fork(), { share: scriptedShare, kitShare, rewriteShare }) : null;

  const span = days * DAY_MS;
  const running = Math.min(400, Math.max(4, Math.round(reports / 2_500)));
  let campaigns = 0;
  const spawn = (at: number, alreadyRunning: boolean): Campaign => {
    const plan = planCampaign(`campaign-${++campaigns}`, schedule, at, alreadyRunning);
    return new Campaign(scripts ? { ...plan, script: scripts.scripting(plan) } : plan, schedule.fork(), mints);
  };
  let active = Array.from({ length: running }, () => spawn(from.getTime(), true));

  for (let i = 0; i < reports; i++) {
    const at = from.getTime() + (span * (i + schedule.next())) / reports;
    if (active.some((campaign) => campaign.plan.endsAt.getTime() < at)) {
      active = active.map((campaign) => {
        if (campaign.plan.endsAt.getTime() >= at) return campaign;
        recycler?.drop(campaign.plan.id ?? '', campaign.plan.endsAt.getTime(), campaign.numbers);
        return spawn(at, false);
      });
    }
    const oneOff = schedule.chance(oneOffShare);
    const campaign = oneOff
      ? new Campaign({ ...planCampaign(null, schedule, at, false), maxLive: 1 }, schedule.fork(), mints)
      : schedule.weighted(
          active,
          active.map((c) => c.plan.weight),
        );
    const others = bridgeShare > 0 && messy.chance(bridgeShare) ? active.filter((other) => other !== campaign) : [];
    const noise = {
      bridgeTo:
        others.length > 0
          ? messy.weighted(
              others,
              others.map((other) => other.plan.weight),
            )
          : null,
      victimCallerId: victims.length > 0 && messy.chance(victimCallerIdShare) ? messy.pick(victims) : null,
    };
    const { report, truth } = composeReport(campaign, `${source}-${seed}-${i}`, source, new Date(at), noise);
    yield { report, campaign: campaign.plan.id, truth: i === 0 ? [...worldTruth(platformShare > 0), ...truth] : truth };
  }
}

function planCampaign(id: string | null, random: Random, at: number, alreadyRunning: boolean): CampaignPlan {
  const scamType = random.weighted(
    SCAM_TYPES,
    SCAM_TYPES.map((type) => SCAM_TYPE_MIX[type]),
  );
  const candidates = BRANDS.filter((brand) => brand.scamTypes.includes(scamType));
  const unbranded = candidates.length === 0 || (scamType === 'INVESTMENT_CRYPTO' && random.chance(0.4));
  const crossBrand = !unbranded && candidates.length > 1 && random.chance(0.15);
  const brands = unbranded
    ? []
    : crossBrand
      ? random.sample(candidates, random.int(2, Math.min(4, candidates.length)))
      : [random.pick(candidates)];
  const lifetime = random.logUniform(2, 150) * DAY_MS;
  // Campaigns running when the world opens are part-way through their lives.
  const startsAt = alreadyRunning ? at - random.next() * lifetime : at;
  return {
    id,
    scamType,
    brands,
    platformName: brands.length === 0 && scamType === 'INVESTMENT_CRYPTO' ? random.pick(FAKE_PLATFORMS) : null,
    startsAt: new Date(startsAt),
    endsAt: new Date(startsAt + lifetime),
    weight: random.pareto(1.2, 100),
    rotateEvery: random.logUniform(5, 200),
    maxLive: random.int(1, 4),
  };
}

/** Official channels (never evidence) and hubs (never glue): truth about indicators no campaign owns. */
function* worldTruth(platforms: boolean): Generator<TruthLine> {
  for (const brand of BRANDS) {
    for (const number of brand.officialNumbers) {
      yield {
        type: 'indicator',
        indicator: 'phone',
        key: canonical(normalisePhoneNumber(number)).e164,
        campaign: null,
        official: brand.slug,
      };
    }
    for (const domain of brand.officialDomains) {
      yield { type: 'indicator', indicator: 'domain', key: canonical(normaliseDomain(domain)), campaign: null, official: brand.slug };
      yield {
        type: 'indicator',
        indicator: 'url',
        key: canonical(normaliseUrl(`https://www.${domain}`)).url,
        campaign: null,
        official: brand.slug,
      };
    }
  }
  for (const hub of [...SHORTENERS, ...FREE_MAIL, ...(platforms ? SHARED_PLATFORMS.map((platform) => platform.domain) : [])]) {
    yield { type: 'indicator', indicator: 'domain', key: hub, campaign: null, hub: true };
  }
}
