import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One end of a campaign link: an indicator by kind and canonical key.' })
export class LinkEnd {
  @Field(() => String, { description: 'PhoneNumber, Url, Domain, EmailAddress, CryptoWallet or BankAccount.' })
  kind!: string;

  @Field(() => String, { description: 'E.164, normalised url, registrable domain, address or account identifier.' })
  key!: string;
}

@ObjectType({
  description:
    'Two indicators named by the same reports, weighted by what that evidence is worth: roles (a callback number ' +
    "more than a link), distinct days and sources, and fading for evidence older than an indicator's return from a long silence.",
})
export class CampaignLink {
  @Field(() => LinkEnd)
  from!: LinkEnd;

  @Field(() => LinkEnd)
  to!: LinkEnd;

  @Field(() => Float)
  weight!: number;

  @Field(() => Int, { description: 'Reports naming both.' })
  reports!: number;

  @Field(() => Date, { description: 'The latest of those reports.' })
  lastAt!: Date;

  @Field(() => [ID], { description: 'Up to three of those reports, to open with report(id:).' })
  reportIds!: string[];
}

@ObjectType({
  description:
    "Links from this campaign's members to another campaign's that were too weak, beside the evidence on either " +
    "side, to merge them: a misfiled report, a victim's confusion, a shared reseller. For an analyst to judge.",
})
export class CampaignBridge {
  @Field(() => ID, { description: 'The other campaign (campaign(id:) opens it).' })
  campaignId!: string;

  @Field(() => Float, { description: 'The weights of the links between the two, summed.' })
  weight!: number;

  @Field(() => [CampaignLink], { description: 'The strongest of those links, up to three.' })
  links!: CampaignLink[];
}
