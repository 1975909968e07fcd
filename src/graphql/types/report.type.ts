import { Field, ID, ObjectType } from 'type-graphql';
import { ChannelEnum, PhoneRoleEnum, PhoneViaEnum, ScamTypeEnum } from '../enums.js';
import type { Channel, PhoneRole, Provenance, ScamType } from '../../reports/vocabulary.js';
import { PhoneNumber } from './indicator.types.js';

@ObjectType({ description: 'A number a report names, in one role, and how the report gave it.' })
export class ReportPhone {
  @Field(() => PhoneRoleEnum)
  role!: PhoneRole;

  @Field(() => PhoneViaEnum)
  via!: Provenance;

  @Field(() => PhoneNumber)
  number!: PhoneNumber;
}

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

  @Field(() => Date, { description: 'When scamgraph received it: the date the client gave, else the time of its intake.' })
  receivedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      "The report's own date: when its source says the scam was seen or reported. Null when the source gives none " +
      '(CryptoScamDB); first and last seen come from it, never from the day an import received a report.',
  })
  reportedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The message text as submitted, cut to the excerpt limit.' })
  text!: string | null;

  @Field(() => [String], { description: 'Case or reference numbers the scammer gave.' })
  referenceNumbers!: string[];

  @Field(() => [String], { description: 'SMS short codes in the message: kept, but not phone numbers.' })
  shortCodes!: string[];
}
