import { Field, ID, ObjectType } from 'type-graphql';
import { ChannelEnum, ScamTypeEnum } from '../enums.js';
import type { Channel, ScamType } from '../../reports/vocabulary.js';

@ObjectType()
export class Report {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field(() => String, { description: 'Who submitted it: the idempotency scope of externalId.' })
  source!: string;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => ScamTypeEnum, { nullable: true })
  scamType!: ScamType | null;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The message text as submitted, cut to the excerpt limit.' })
  text!: string | null;

  @Field(() => [String], { description: 'Case or reference numbers the scammer gave.' })
  referenceNumbers!: string[];

  @Field(() => [String], { description: 'SMS short codes in the message: kept, but not phone numbers.' })
  shortCodes!: string[];
}
