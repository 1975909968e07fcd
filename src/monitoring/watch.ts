/** What a watch looks at: a brand, a campaign, one indicator, or a range of numbers. */
export const WATCH_KINDS = ['BRAND', 'CAMPAIGN', 'INDICATOR', 'PREFIX'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

/** What an alert says happened (cypher/monitoring/match-report-watches.cypher). */
export const ALERT_EVENTS = ['NEW_REPORT', 'NEW_CALLBACK_NUMBER', 'NEW_DOMAIN', 'NUMBER_REPORTED', 'NEW_INFRASTRUCTURE'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** NONE: the watch has no webhook (subscriptions only); DEAD: the attempts ran out (the dead letter). */
export const DELIVERY_STATES = ['NONE', 'PENDING', 'RETRYING', 'DELIVERED', 'DEAD', 'CANCELLED'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface Watch {
  readonly id: string;
  readonly kind: WatchKind;
  /** The brand slug, campaign id, indicator key ("phone:+614…") or prefix ("+614"). */
  readonly target: string;
  readonly webhookUrl: string | null;
  readonly createdAt: Date;
  readonly alertCount?: number;
}

export interface Alert {
  /** "<owner key id>:<seq>": opaque to clients; what they resume from and deduplicate on. */
  readonly id: string;
  readonly seq: number;
  readonly watchId: string;
  readonly event: AlertEvent;
  readonly subjectKind: string;
  readonly subjectValue: string;
  readonly role: string | null;
  readonly reportId: string;
  readonly createdAt: Date;
  readonly delivery: DeliveryState;
  readonly attempts: number;
}

/** The alert number an alert id carries, for this owner; null when the id is not one of theirs. */
export function alertSeq(owner: string, id: string): number | null {
  if (!id.startsWith(`${owner}:`)) return null;
  const seq = Number(id.slice(owner.length + 1));
  return Number.isSafeInteger(seq) && seq >= 0 ? seq : null;
}
