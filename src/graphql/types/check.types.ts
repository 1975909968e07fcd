import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Verdict } from '../../scoring/verdict.js';

export const VerdictEnum = { HIGH_RISK: 'HIGH_RISK', SUSPICIOUS: 'SUSPICIOUS', OFFICIAL: 'OFFICIAL', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(VerdictEnum, { name: 'Verdict' });

@ObjectType()
export class Reason {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Int, { description: 'Points this reason adds to the score before recency decay; 0 for context.' })
  weight!: number;

  @Field(() => Int, { nullable: true, description: 'The count behind the reason: reports, brands, indicators or days.' })
  count!: number | null;
}

@ObjectType()
abstract class Check {
  @Field(() => VerdictEnum)
  verdict!: Verdict;

  @Field(() => Int, { description: '0 (no evidence) to 100 (certain scam infrastructure).' })
  score!: number;

  @Field(() => [Reason])
  reasons!: Reason[];
}

@ObjectType()
export class NumberCheck extends Check {
  @Field(() => String, { nullable: true, description: 'The number as understood, in E.164; null when it is not a valid number.' })
  e164!: string | null;
}

@ObjectType()
export class DomainCheck extends Check {
  @Field(() => String, { nullable: true, description: 'The registrable domain judged; null when the input is not a domain or URL.' })
  domain!: string | null;

  @Field(() => String, { nullable: true, description: 'The URL as understood, for checkUrl.' })
  url!: string | null;
}

@ObjectType({ description: 'Who imitates a brand, riskiest first.' })
export class BrandImpersonation {
  @Field(() => [NumberCheck], { description: 'Numbers given as callback in reports claiming the brand.' })
  numbers!: NumberCheck[];

  @Field(() => [DomainCheck], { description: 'Domains named in reports claiming the brand.' })
  domains!: DomainCheck[];

  @Field(() => [DomainCheck], { description: "Domains in the graph that imitate the brand's official domains." })
  lookalikeDomains!: DomainCheck[];
}
