import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './connection.type.js';

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

@ObjectType({ description: 'A node of a summarised neighbourhood or campaign picture, with the evidence behind it.' })
export class SummaryNode extends GraphNode {
  @Field(() => Int, { description: 'Reports naming it, in all.' })
  reportCount!: number;

  @Field(() => Int, { nullable: true, description: 'Reports it shares with the node summarised; null on that node itself.' })
  sharedReports!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct days of those shared reports.' })
  days!: number | null;

  @Field(() => Boolean, { description: "A brand's own number or domain (or a url or address on one): the real channel, spoofed or named." })
  official!: boolean;

  @Field(() => Date, { nullable: true, description: 'When a report first named it (any report, not only those shared).' })
  firstSeen!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a report last named it.' })
  lastSeen!: Date | null;
}

@ObjectType({ description: 'Reports folded into one weighted edge: two nodes named by the same reports.' })
export class SummaryEdge {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String, {
    description: "The weaker end's strongest role: a callback number beside a spoofed caller ID is a CALLER_ID edge.",
  })
  kind!: string;

  @Field(() => Int, { description: 'Reports naming both ends.' })
  reports!: number;

  @Field(() => Int, { nullable: true, description: "Distinct days of those reports; null where not counted (a campaign's links)." })
  days!: number | null;
}

@ObjectType({
  description: 'Neighbours of one kind left out of a summary: "+ 187 more domains". Page through them with neighbourhoodGroup.',
})
export class FoldedGroup {
  @Field(() => ID, { description: '"more:<kind>:<around>".' })
  id!: string;

  @Field(() => ID, { description: 'The node whose neighbours these are.' })
  around!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => Int, { description: 'Neighbours left out.' })
  count!: number;

  @Field(() => Int, { description: 'Reports they share with around, summed over them.' })
  reports!: number;

  // The drawn neighbours are the strongest of their kind, so the first page of the group begins past them.
  @Field(() => String, {
    nullable: true,
    description: 'neighbourhoodGroup(after:) for the first page not drawn yet; null when none of its kind is drawn.',
  })
  after!: string | null;
}

@ObjectType({ description: 'A bounded picture around one node, however busy: strongest neighbours drawn, the rest folded by kind.' })
export class NeighbourhoodSummary {
  @Field(() => [SummaryNode], { description: 'The node summarised first, then its strongest neighbours.' })
  nodes!: SummaryNode[];

  @Field(() => [SummaryEdge])
  edges!: SummaryEdge[];

  @Field(() => [FoldedGroup])
  groups!: FoldedGroup[];

  @Field(() => Boolean, {
    description:
      'True whenever anything was or may have been left out: neighbours folded into groups (groups says what), or a link between two drawn hubs, which is not walked.',
  })
  truncated!: boolean;
}

@ObjectType({ description: 'A page of one folded group, strongest first.' })
export class NeighbourPage {
  @Field(() => ID)
  around!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => Int, { description: 'Neighbours of this kind in all, drawn or folded.' })
  totalCount!: number;

  @Field(() => [SummaryNode])
  nodes!: SummaryNode[];

  @Field(() => [SummaryEdge], { description: 'From around to each node of the page.' })
  edges!: SummaryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'Another campaign linked to drawn members too weakly to merge: drawn collapsed, its links dashed.' })
export class BridgedCampaign {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Its indicators.' })
  size!: number;

  @Field(() => Float, { description: 'Its links from drawn members, weights summed.' })
  weight!: number;

  @Field(() => Int, { description: 'Reports naming both ends of those links, summed.' })
  reports!: number;

  @Field(() => [ID], { description: 'The drawn members linked to it.' })
  members!: string[];
}

@ObjectType({
  description:
    "A picture's edges column by column, their ends as indexes into its nodes: what edges says, in half the answer's bytes on a 2,000-node campaign.",
})
export class EdgeColumns {
  @Field(() => [Int], { description: 'Per edge, the index in nodes of its source.' })
  source!: number[];

  @Field(() => [Int], { description: 'Per edge, the index in nodes of its target.' })
  target!: number[];

  @Field(() => [String], { description: 'Per edge, its kind, as SummaryEdge.kind.' })
  kind!: string[];

  @Field(() => [Int], { description: 'Per edge, the reports naming both ends.' })
  reports!: number[];
}

@ObjectType({
  description: 'A campaign as one picture: members linked by shared evidence, hubs and official channels marked, bridges to others.',
})
export class CampaignPicture {
  @Field(() => [SummaryNode], { description: 'Members, most reported first, then the hubs and official channels its reports name.' })
  nodes!: SummaryNode[];

  @Field(() => [SummaryEdge], {
    description:
      'SHARED_EVIDENCE between two members (reports naming both); a hub or official channel to the members named beside it, by role.',
  })
  edges!: SummaryEdge[];

  @Field(() => [BridgedCampaign], { description: 'Heaviest first.' })
  bridges!: BridgedCampaign[];

  @Field(() => Int, { description: 'Members in all.' })
  memberCount!: number;

  @Field(() => Boolean, { description: 'True when the limit left members out.' })
  truncated!: boolean;
}
