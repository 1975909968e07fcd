import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class GraphNode {
  @Field(() => ID, { description: 'kind and canonical key, e.g. "phone:+61412345678": pass them back to expand.' })
  id!: string;

  @Field(() => String, { description: 'phone, domain, url, email, wallet, bank_account, brand or report.' })
  kind!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Boolean, { description: 'More relationships than the hub bound: drawn, not expanded.' })
  hub!: boolean;

  @Field(() => Int)
  degree!: number;
}

@ObjectType()
export class GraphEdge {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String, { description: 'The relationship: CALLBACK_NUMBER, CALLER_ID (spoofable), LINKS_TO, PAY_TO, ...' })
  kind!: string;
}

@ObjectType()
export class Subgraph {
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: 'True when the node limit stopped the expansion.' })
  truncated!: boolean;
}
