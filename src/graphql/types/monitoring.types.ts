import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ALERT_EVENTS, DELIVERY_STATES, WATCH_KINDS, type AlertEvent, type DeliveryState, type WatchKind } from '../../monitoring/watch.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const WatchKindEnum = enumOf(WATCH_KINDS);
registerEnumType(WatchKindEnum, {
  name: 'WatchKind',
  description:
    'BRAND: new callback numbers and domains claiming it, and new domains imitating its official ones. CAMPAIGN: new infrastructure joining it, its merge or split. INDICATOR: new reports naming it, a change of its disruption status. PREFIX: numbers in a range reported in any role.',
});
export const AlertEventEnum = enumOf(ALERT_EVENTS);
registerEnumType(AlertEventEnum, { name: 'AlertEvent' });
export const AlertDeliveryEnum = enumOf(DELIVERY_STATES);
registerEnumType(AlertDeliveryEnum, {
  name: 'AlertDelivery',
  description:
    'The webhook delivery: NONE (no webhook), PENDING, RETRYING, DELIVERED, DEAD (attempts ran out) or CANCELLED (watch deleted).',
});

@ObjectType({ description: 'A standing question of one key; other keys never see it.' })
export class Watch {
  @Field(() => ID)
  id!: string;

  @Field(() => WatchKindEnum)
  kind!: WatchKind;

  @Field(() => String, { description: 'Brand slug, campaign id, indicator ("phone:+61412345678") or prefix ("+614").' })
  target!: string;

  @Field(() => String, { nullable: true })
  webhookUrl!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Int, { nullable: true })
  alertCount?: number;
}

@ObjectType()
export class NewWatch {
  @Field(() => Watch)
  watch!: Watch;

  @Field(() => String, {
    nullable: true,
    description: "The webhook's HMAC-SHA256 signing secret: shown this once (README: verifying a webhook).",
  })
  webhookSecret!: string | null;
}

@ObjectType({ description: 'One delivery attempt of an alert to its webhook.' })
export class DeliveryAttempt {
  @Field(() => Int)
  number!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'DELIVERED, HTTP_ERROR, REDIRECT, TIMEOUT, REFUSED_ADDRESS or NETWORK_ERROR.' })
  outcome!: string;

  @Field(() => Int, { nullable: true })
  httpStatus!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Int)
  tookMs!: number;
}

@ObjectType({ description: 'One match of a watch, stored in the transaction of the report or change that caused it.' })
export class Alert {
  @Field(() => ID, { description: 'Resume a subscription after it; a webhook receiver deduplicates on it.' })
  id!: string;

  @Field(() => ID)
  watchId!: string;

  @Field(() => AlertEventEnum)
  event!: AlertEvent;

  @Field(() => String, {
    description: 'phone, domain, url, email, wallet or bank_account; campaign for CAMPAIGN_MERGED and CAMPAIGN_SPLIT.',
  })
  subjectKind!: string;

  @Field(() => String)
  subjectValue!: string;

  @Field(() => String, { nullable: true, description: 'The role the report gave it: CALLBACK_NUMBER, CALLER_ID, …' })
  role!: string | null;

  @Field(() => ID, { nullable: true, description: 'The report that caused it; null for a status change or a detection run.' })
  reportId!: string | null;

  @Field(() => String, { nullable: true, description: 'DISRUPTION_STATUS_CHANGED: the status before.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'DISRUPTION_STATUS_CHANGED: the status after.' })
  to!: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'CAMPAIGN_MERGED: the campaign it merged into. CAMPAIGN_SPLIT: the campaigns its members went to, most first.',
  })
  campaignIds!: string[] | null;

  @Field(() => String, { nullable: true, description: "LOOKALIKE_DOMAIN: the brand's official domain it imitates." })
  resembles!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => AlertDeliveryEnum)
  delivery!: DeliveryState;

  @Field(() => Int)
  attempts!: number;
}
