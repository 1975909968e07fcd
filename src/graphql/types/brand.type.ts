import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class Brand {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => [String], { description: 'E.164 numbers.' })
  officialNumbers!: string[];

  @Field(() => [String])
  officialDomains!: string[];

  @Field(() => Boolean, { description: 'False for a brand known only because a report claimed it.' })
  registered!: boolean;
}
