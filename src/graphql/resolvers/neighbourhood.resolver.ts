import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { NODE_KINDS, startNode } from '../../infrastructure/start-node.js';
import type { StartNode } from '../../infrastructure/neighbourhood.service.js';
import type { RequestContext } from '../context.js';
import { quote } from '../../text/excerpt.js';
import { badInput } from '../errors.js';
import { encodeCursor, pageRequest } from '../pagination.js';
import { Campaign } from '../types/campaign.types.js';
import { Viewer } from '../types/viewer.types.js';
import { CampaignPicture, EdgeColumns, NeighbourhoodSummary, NeighbourPage } from '../types/subgraph.types.js';
import { edgeColumns } from '../../infrastructure/campaign-picture.js';
import { inRange, MAX_NODES } from './infrastructure.resolver.js';

const SUMMARY_DEFAULT = 40;

/** The node named by kind and value, or BAD_USER_INPUT naming the argument at fault. */
function start(kind: string, value: string): StartNode {
  const found = startNode(kind, value);
  if (found.ok) return found.value;
  throw badInput([
    { field: (NODE_KINDS as readonly string[]).includes(kind) ? 'value' : 'kind', code: found.code, message: found.message },
  ]);
}

@Resolver()
export class NeighbourhoodResolver {
  // Priced as neighbourhood is (2 a node of its limit): three round trips, each bounded by the limit.
  @Query(() => NeighbourhoodSummary, {
    complexity: ({ args, childComplexity }) => 2 * (typeof args['limit'] === 'number' ? args['limit'] : SUMMARY_DEFAULT) + childComplexity,
    description:
      'Around one node, however busy: its strongest neighbours by shared reports (reports folded into weighted ' +
      'edges), the rest folded into groups by kind with their totals. A hub is summarised like any node: expand one on purpose here.',
  })
  async neighbourhoodSummary(
    @Arg('kind', () => String) kind: string,
    @Arg('value', () => String) value: string,
    @Arg('limit', () => Int, { nullable: true, description: `Most nodes drawn, 1 to ${MAX_NODES}; ${SUMMARY_DEFAULT} when absent.` })
    limit: number | null,
    @Arg('withReports', () => Boolean, {
      nullable: true,
      description: 'Draw the reports themselves too (they are folded into edges when absent).',
    })
    withReports: boolean | null,
    @Ctx() context: RequestContext,
  ): Promise<NeighbourhoodSummary> {
    const summary = await context.neighbourhoodSummary.around(
      start(kind, value),
      inRange('limit', limit ?? SUMMARY_DEFAULT, 1, MAX_NODES),
      withReports ?? false,
    );
    // neighbourhoodGroup's cursor is the count skipped: a group's first page to draw skips what is drawn.
    return {
      ...summary,
      groups: summary.groups.map(({ drawn, ...group }) => ({ ...group, after: drawn > 0 ? encodeCursor([drawn]) : null })),
    };
  }

  @Query(() => NeighbourPage, {
    nullable: true,
    complexity: ({ args, childComplexity }) => 2 * (typeof args['first'] === 'number' ? args['first'] : 20) + childComplexity,
    description: 'One folded group of a summary, page by page, strongest first; null when the node does not exist.',
  })
  async neighbourhoodGroup(
    @Arg('kind', () => String) kind: string,
    @Arg('value', () => String) value: string,
    @Arg('group', () => String, { description: "The group's kind: phone, domain, url, email, wallet, bank_account, brand or report." })
    group: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('withReports', () => Boolean, { nullable: true }) withReports: boolean | null,
    @Ctx() context: RequestContext,
  ): Promise<NeighbourPage | null> {
    const node = start(kind, value);
    if (!(NODE_KINDS as readonly string[]).includes(group)) {
      throw badInput([
        { field: 'group', code: 'INVALID_VALUE', message: `group must be one of ${NODE_KINDS.join(', ')}; got ${quote(group)}` },
      ]);
    }
    const page = pageRequest(first, after, ['number']);
    const skip = (page.after?.[0] as number | undefined) ?? 0;
    const found = await context.neighbourhoodSummary.group(node, group, withReports ?? group === 'report', skip, page.first);
    if (!found) return null;
    const end = skip + found.nodes.length;
    return { ...found, pageInfo: { hasNextPage: end < found.totalCount, endCursor: found.nodes.length > 0 ? encodeCursor([end]) : null } };
  }
}

const PICTURE_DEFAULT = 2_000;
const PICTURE_MAX = 5_000;

@Resolver(() => Campaign)
export class CampaignPictureResolver {
  // A node of the picture costs about what a node of a neighbourhood does; 2,000 members make it a heavy operation.
  @FieldResolver(() => CampaignPicture, {
    nullable: true,
    complexity: ({ args, childComplexity }) => (typeof args['limit'] === 'number' ? args['limit'] : PICTURE_DEFAULT) + childComplexity,
    description:
      'The campaign as one picture: its members linked by shared evidence, the hubs and official channels its reports name ' +
      'marked as what they are, and bridges to other campaigns.',
  })
  picture(
    @Root() campaign: Campaign,
    @Arg('limit', () => Int, { nullable: true, description: `Most members drawn, 1 to ${PICTURE_MAX}; ${PICTURE_DEFAULT} when absent.` })
    limit: number | null,
    @Ctx() context: RequestContext,
  ): Promise<CampaignPicture | null> {
    return context.neighbourhoodSummary.campaign(campaign.id, inRange('limit', limit ?? PICTURE_DEFAULT, 1, PICTURE_MAX));
  }
}

@Resolver(() => CampaignPicture)
export class PictureColumnsResolver {
  @FieldResolver(() => EdgeColumns, {
    description: 'The same edges, in the same order, column by column: for a picture too big to send edge by edge.',
  })
  edgeColumns(@Root() picture: CampaignPicture): EdgeColumns {
    return edgeColumns(picture);
  }
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The key making the request and what it may do; every role may ask.' })
  viewer(@Ctx() context: RequestContext): Viewer {
    const { role } = context.caller;
    return { role, canExplore: role !== 'REPORTER', canSubmit: true, canCheck: true, canAdminister: role === 'ADMIN' };
  }
}
