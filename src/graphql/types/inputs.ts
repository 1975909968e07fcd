import { Field, InputType } from 'type-graphql';
import { ChannelEnum, ScamTypeEnum } from '../enums.js';
import type { Channel, ScamType } from '../../reports/vocabulary.js';

@InputType()
export class WalletInput {
  @Field(() => String, { nullable: true })
  chain?: string | null;

  @Field(() => String)
  address!: string;
}

@InputType()
export class BankAccountInput {
  @Field(() => String, { nullable: true })
  bsb?: string | null;

  @Field(() => String, { nullable: true })
  accountNumber?: string | null;

  @Field(() => String, { nullable: true })
  iban?: string | null;

  @Field(() => String, { nullable: true })
  payId?: string | null;
}

@InputType()
export class BrandInput {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The brand's real numbers and domains: never scam infrastructure." })
  officialNumbers?: string[] | null;

  @Field(() => [String], { nullable: true })
  officialDomains?: string[] | null;
}

@InputType()
export class ReportInput {
  @Field(() => String, { nullable: true, description: 'Idempotency key: the same externalId from the same source is one report.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => Date, { nullable: true })
  receivedAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the scam was seen or reported, if not when scamgraph receives it; receivedAt, else the time of receipt, when absent.',
  })
  reportedAt?: Date | null;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => ScamTypeEnum, { nullable: true })
  scamType?: ScamType | null;

  @Field(() => String, { nullable: true })
  claimedBrand?: string | null;

  @Field(() => String, { nullable: true, description: 'Raw message text; indicators are extracted from it.' })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 region for numbers written in national format; AU when absent.' })
  defaultRegion?: string | null;

  @Field(() => [String], { nullable: true })
  callbackNumbers?: string[] | null;

  @Field(() => [String], { nullable: true })
  callerIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  senderIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  urls?: string[] | null;

  @Field(() => [String], { nullable: true })
  emails?: string[] | null;

  @Field(() => [WalletInput], { nullable: true })
  wallets?: WalletInput[] | null;

  @Field(() => [BankAccountInput], { nullable: true })
  bankAccounts?: BankAccountInput[] | null;

  @Field(() => [String], { nullable: true })
  referenceNumbers?: string[] | null;
}
