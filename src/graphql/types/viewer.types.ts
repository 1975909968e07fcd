import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The key making the request: what it may do, so a client can say so rather than fail.' })
export class Viewer {
  @Field(() => String, { description: 'REPORTER, ANALYST or ADMIN.' })
  role!: string;

  @Field(() => Boolean, { description: 'May read the graph (ANALYST and ADMIN): neighbourhoods, campaigns, evidence.' })
  canExplore!: boolean;

  @Field(() => Boolean, { description: 'May submit reports (every role).' })
  canSubmit!: boolean;

  @Field(() => Boolean, { description: 'May ask checkNumber, checkDomain and checkUrl (every role).' })
  canCheck!: boolean;

  @Field(() => Boolean, { description: 'May manage brands, keys, detection and disruption (ADMIN).' })
  canAdminister!: boolean;
}
