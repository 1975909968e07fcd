import { z } from 'zod';

/** What a watch looks at: a brand, a campaign, one indicator, or a range of numbers. */
export const WATCH_KINDS = ['BRAND', 'CAMPAIGN', 'INDICATOR', 'PREFIX'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

/**
 * What an alert says happened: a new report matched (./report-matches.ts), an
 * indicator's disruption status changed, or a campaign merged or split (./change-alerts.ts).
 */
export const ALERT_EVENTS = [
  'NEW_REPORT',
  'NEW_CALLBACK_NUMBER',
  'NEW_DOMAIN',
  'LOOKALIKE_DOMAIN',
  'NUMBER_REPORTED',
  'NEW_INFRASTRUCTURE',
  'DISRUPTION_STATUS_CHANGED',
  'CAMPAIGN_MERGED',
  'CAMPAIGN_SPLIT',
] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** NONE: the watch has no webhook (subscriptions only); DEAD: the attempts ran out (the dead letter). */
export const DELIVERY_STATES = ['NONE', 'PENDING', 'RETRYING', 'DELIVERED', 'DEAD', 'CANCELLED'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** A watch as the graph answers it (monitoring/create-watch, watches-by-owner): the row's shape and the type. */
export const WATCH = z.object({
  id: z.string(),
  kind: z.enum(WATCH_KINDS),
  /** The brand slug, campaign id, indicator key ("phone:+614…") or prefix ("+614"). */
  target: z.string(),
  webhookUrl: z.string().nullable(),
  createdAt: z.date(),
  alertCount: z.number().optional(),
});
export type Watch = z.infer<typeof WATCH>;

/** An alert as the graph answers it (monitoring/alerts-after). */
export const ALERT = z.object({
  /** "<owner key id>:<seq>": opaque to clients; what they resume from and deduplicate on. */
  id: z.string(),
  seq: z.number(),
  watchId: z.string(),
  event: z.enum(ALERT_EVENTS),
  subjectKind: z.string(),
  subjectValue: z.string(),
  role: z.string().nullable(),
  /** The report that caused it; null for a change no report made (a status set, a detection run). */
  reportId: z.string().nullable(),
  /** DISRUPTION_STATUS_CHANGED: the status before and after. Absent on alerts older than these events. */
  from: z.string().nullish().default(null),
  to: z.string().nullish().default(null),
  /** CAMPAIGN_MERGED: the campaign it merged into; CAMPAIGN_SPLIT: the campaigns its members went to. */
  campaignIds: z.array(z.string()).nullish().default(null),
  /** LOOKALIKE_DOMAIN: the brand's official domain the subject imitates. */
  resembles: z.string().nullish().default(null),
  createdAt: z.date(),
  delivery: z.enum(DELIVERY_STATES),
  attempts: z.number(),
});
export type Alert = z.infer<typeof ALERT>;
/** A row of monitoring/alerts-after. */
export const ALERT_ROW = z.object({ alert: ALERT });

/** The alert number an alert id carries, for this owner; null when the id is not one of theirs. */
export function alertSeq(owner: string, id: string): number | null {
  if (!id.startsWith(`${owner}:`)) return null;
  const seq = Number(id.slice(owner.length + 1));
  return Number.isSafeInteger(seq) && seq >= 0 ? seq : null;
}
