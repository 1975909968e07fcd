import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../campaigns/campaign-identity.js';
import type { Channel, ScamType } from '../../reports/vocabulary.js';
import { ChannelEnum, ScamTypeEnum } from '../enums.js';
import { connectionTypes } from './connection.type.js';

const CampaignStatusEnum = Object.fromEntries(CAMPAIGN_STATUSES.map((status) => [status, status])) as { [K in CampaignStatus]: K };
registerEnumType(CampaignStatusEnum, {
  name: 'CampaignStatus',
  description: 'ACTIVE holds members; MERGED, SPLIT and DISSOLVED campaigns are kept to say what became of them.',
});

@ObjectType({ description: 'Indicators and reports run by one operation, found by community detection over shared infrastructure.' })
export class Campaign {
  @Field(() => ID, { description: 'Kept across detection runs while the campaign keeps most of its members.' })
  id!: string;

  @Field(() => Int, { description: 'Indicators in the campaign: those linking it (hubs it uses are listed, not counted).' })
  size!: number;

  @Field(() => Int)
  reportCount!: number;

  @Field(() => Date, { nullable: true })
  firstSeen!: Date | null;

  @Field(() => Date, { nullable: true })
  lastSeen!: Date | null;

  @Field(() => CampaignStatusEnum)
  status!: CampaignStatus;

  @Field(() => Date, { description: 'When a detection run first found it.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it merged, split or dissolved; null while active.' })
  retiredAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Since when a report has bridged it with another campaign: the next run decides whether they merge.',
  })
  bridgedAt!: Date | null;

  /** Set by detection runs since issue 15; its field resolver answers 0 for a campaign none has summarised. */
  bridgeCount!: number | null;

  /** Ids; their field resolvers answer campaigns. */
  mergedInto!: string | null;
  splitFrom!: string | null;
}

export const { ConnectionType: CampaignConnection } = connectionTypes(Campaign, 'Campaign');

@ObjectType()
export class ScamTypeCount {
  @Field(() => ScamTypeEnum, { nullable: true, description: 'Null for reports that gave none.' })
  scamType!: ScamType | null;

  @Field(() => Int)
  reports!: number;
}

@ObjectType()
export class ChannelCount {
  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => Int)
  reports!: number;
}

@ObjectType()
export class WeekCount {
  @Field(() => Date, { description: 'Monday 00:00 UTC, the start of the week.' })
  week!: Date;

  @Field(() => Int)
  reports!: number;
}

@ObjectType({ description: 'One full campaign detection run.' })
export class DetectionRun {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Which engine ran: gds or cypher.' })
  engine!: string;

  @Field(() => Int, { description: 'Active campaigns after the run.' })
  campaignCount!: number;

  @Field(() => Int)
  tookMs!: number;

  @Field(() => Date, { description: 'When the run took the detection lock.' })
  startedAt!: Date;

  @Field(() => Date)
  finishedAt!: Date;

  @Field(() => Int, { description: 'Campaigns found for the first time.' })
  created!: number;

  @Field(() => Int, { description: 'Campaigns that kept their id.' })
  kept!: number;

  @Field(() => Int, { description: 'Earlier campaigns merged into another.' })
  merged!: number;

  @Field(() => Int, { description: 'Earlier campaigns split with no part keeping most of them.' })
  split!: number;

  @Field(() => Int, { description: 'Earlier campaigns whose members are in no campaign any more.' })
  dissolved!: number;
}
