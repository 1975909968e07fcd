import type { ReportInput } from '../ingest/report-input.js';
import type { Channel } from '../reports/vocabulary.js';
import type { SyntheticBrand } from './brands.data.js';
import type { Campaign, Draft } from './campaign.js';
import { scriptAt } from './crew-script.js';
import { CHANNEL_MIX, CHANNEL_STYLE, LURES, VICTIM_OPENINGS } from './lures.data.js';
import type { TruthLine } from './truth.js';

export interface ComposedReport {
  readonly report: ReportInput;
  /** The campaign's own line (on its first report), indicators first seen here, the report's line. */
  readonly truth: TruthLine[];
}

/** What the world adds to a report beyond its own operation's doing (scam-world.ts decides when). */
export interface ReportNoise {
  /** Another operation whose number or link this report also names: a bridge. */
  readonly bridgeTo?: Campaign | null;
  /** A real person's number shown as the caller ID (spoofed), shared across operations. */
  readonly victimCallerId?: string | null;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SPOOFABLE: ReadonlySet<Channel> = new Set(['PHONE_CALL', 'VOICEMAIL', 'SMS']);

/**
 * The campaign's next report: a lure for its scam type and channel filled from its
 * infrastructure, the noise real reports carry (the reader's own number, the brand's real
 * site under a scam mail, a spoofed official caller ID), and the fields a reporter fills in,
 * some of them, often writing a number differently from the message.
 */
export function composeReport(
  campaign: Campaign,
  externalId: string,
  source: string,
  receivedAt: Date,
  noise: ReportNoise = {},
): ComposedReport {
  const { plan, random: r } = campaign;
  const draft = campaign.begin(receivedAt.getTime());
  const brand = plan.brands.length > 0 ? r.pick(plan.brands) : null;
  const mix = CHANNEL_MIX[plan.scamType];
  const channels = Object.keys(mix) as Channel[];
  const channel = r.weighted(
    channels,
    channels.map((c) => mix[c] ?? 0),
  );
  const style = CHANNEL_STYLE[channel];
  const fitting = LURES.filter((lure) => lure.scamType === plan.scamType && lure.style === style);
  const candidates = fitting.length > 0 ? fitting : LURES.filter((l) => l.scamType === plan.scamType);
  const lure = r.pick(candidates);
  // A scripted crew sends its own dressed lure most of the time (drawn only then: a world without scripts is as it was).
  const script = plan.script && r.chance(plan.script.share) ? scriptAt(plan.script, receivedAt.getTime()) : null;

  let text = (script?.lure(style, candidates) ?? lure.text).replace(PLACEHOLDER, (_, name: string) =>
    fill(name, campaign, draft, brand, receivedAt),
  );
  text += campaign.bridge(draft);
  const lent = noise.bridgeTo?.lend(draft) ?? '';
  text += lent;
  if (style === 'short' && r.chance(0.1)) text = r.pick(VICTIM_OPENINGS).replace('{victim}', campaign.victimNumber()) + text;
  if (style === 'mail' && brand && r.chance(0.15)) text += ` Official site: https://www.${r.pick(brand.officialDomains)}`;
  const truth = campaign.finish(draft, externalId, lent && noise.bridgeTo ? noise.bridgeTo.plan.id : null);

  const spoof = brand !== null && SPOOFABLE.has(channel) && brand.officialNumbers.length > 0 && r.chance(0.35);
  const victimCli = !spoof && noise.victimCallerId && SPOOFABLE.has(channel) ? noise.victimCallerId : null;
  const report: ReportInput = {
    externalId,
    source,
    receivedAt,
    channel,
    ...(r.chance(0.85) ? { scamType: plan.scamType } : {}),
    ...(brand && r.chance(0.85) ? { claimedBrand: r.pick([brand.name, brand.short, ...brand.aliases]) } : {}),
    text,
    ...(r.chance(0.3) ? { defaultRegion: 'AU' } : {}),
    ...(draft.callbacks.length > 0 && r.chance(0.6) ? { callbackNumbers: draft.callbacks.map((phone) => r.pick(phone.written)) } : {}),
    ...(spoof ? { callerIds: [r.pick(brand.officialNumbers)] } : victimCli ? { callerIds: [victimCli] } : {}),
    ...(draft.urls.length > 0 && r.chance(0.4) ? { urls: draft.urls.map((url) => (r.chance(0.1) ? defang(url) : url)) } : {}),
    ...(draft.emails.length > 0 && r.chance(0.3) ? { emails: draft.emails } : {}),
    ...(draft.wallets.length > 0 && r.chance(0.5) ? { wallets: draft.wallets } : {}),
    ...(draft.accounts.length > 0 && r.chance(0.5) ? { bankAccounts: draft.accounts } : {}),
  };
  return { report, truth };
}

function fill(name: string, campaign: Campaign, draft: Draft, brand: SyntheticBrand | null, receivedAt: Date): string {
  const r = campaign.random;
  switch (name) {
    case 'brand':
      return brand?.short ?? campaign.plan.platformName ?? 'our team';
    case 'callback':
      return campaign.callback(draft);
    case 'url':
      return campaign.link(draft);
    case 'email':
      return campaign.email(draft);
    case 'wallet':
      return campaign.wallet(draft);
    case 'account':
      return campaign.account(draft);
    case 'amount':
      return `$${String(r.int(12, 4_999)).replace(/\B(?=(\d{3})+$)/, ',')}.${r.digits(2)}`;
    case 'date': {
      const date = new Date(receivedAt.getTime() + r.int(0, 5) * 86_400_000);
      return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
    }
    case 'ref':
      return `${brand?.refPrefix ?? 'TX'}-${r.int(200_000, 999_999)}`;
    default:
      throw new Error(`a lure names {${name}}, which the generator cannot fill`);
  }
}

/** "hxxps://evil[.]top/x", as analysts paste links they do not want clickable. */
function defang(url: string): string {
  return url.replace(/^http/, 'hxxp').replace(/\.(?=[^./]*\/)/, '[.]');
}
