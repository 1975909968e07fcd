import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { NODE_KINDS, startNode } from '../../infrastructure/start-node.js';
import type { RequestContext } from '../context.js';
import { badInput, ScamgraphError } from '../errors.js';
import { selectedNodeFields } from '../look-ahead.js';
import { pageRequest, toConnection } from '../pagination.js';
import { phoneProperties } from '../phone-projection.js';
import type { Connection } from '../types/connection.type.js';
import { PhoneNumberConnection } from '../types/connections.js';
import type { PhoneNumber } from '../types/indicator.types.js';
import { Subgraph } from '../types/subgraph.types.js';

export const MAX_HOPS = 3;
export const MAX_NODES = 500;

export function inRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ScamgraphError('OUT_OF_RANGE', `${name} must be between ${min} and ${max}, got ${value}`, { argument: name });
  }
  return value;
}

@Resolver()
export class InfrastructureResolver {
  @Query(() => PhoneNumberConnection, { description: 'Callback numbers seen impersonating at least minBrands brands, most brands first.' })
  async crossBrandNumbers(
    @Arg('minBrands', () => Int, { nullable: true }) minBrands: number | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<PhoneNumber>> {
    const least = inRange('minBrands', minBrands ?? 2, 1, 1_000);
    const page = pageRequest(first, after);
    const { edges, totalCount } = await context.crossBrand.crossBrandNumbers(least, page, phoneProperties(selectedNodeFields(info)));
    return toConnection(edges, page.first, totalCount);
  }

  // Cost 2 a node of its limit: hops 2, limit 100 took 19.5 ms (200); hops 3, limit 500 took 95 ms (1,000) (scripts/bench/field-costs.ts on a 10,000-report world).
  @Query(() => Subgraph, {
    complexity: ({ args, childComplexity }) => 2 * (typeof args['limit'] === 'number' ? args['limit'] : 100) + childComplexity,
    description: 'The infrastructure around one indicator, for drawing.',
  })
  async neighbourhood(
    @Arg('kind', () => String) kind: string,
    @Arg('value', () => String) value: string,
    @Arg('hops', () => Int, { nullable: true, description: `1 to ${MAX_HOPS}; 2 when absent.` }) hops: number | null,
    @Arg('limit', () => Int, { nullable: true, description: `Most nodes drawn, 1 to ${MAX_NODES}; 100 when absent.` }) limit: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Subgraph> {
    const start = startNode(kind, value);
    if (!start.ok) {
      const field = (NODE_KINDS as readonly string[]).includes(kind) ? 'value' : 'kind';
      throw badInput([{ field, code: start.code, message: start.message }]);
    }
    return context.neighbourhood.around(start.value, inRange('hops', hops ?? 2, 1, MAX_HOPS), inRange('limit', limit ?? 100, 1, MAX_NODES));
  }
}
