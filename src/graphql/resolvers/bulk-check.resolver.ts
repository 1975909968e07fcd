import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { BULK_MAX, BulkTooLargeError, checkManyDomains, checkManyNumbers } from '../../monitoring/bulk-check.js';
import type { RequestContext } from '../context.js';
import { ScamgraphError } from '../errors.js';
import { DomainCheck, NumberCheck } from '../types/check.types.js';

/** One batched read serves every value; scoring is in process: 4 points a value beside a single check's 40 (scripts/bench/field-costs.ts prices the single one). */
const BASE = 40;
const PER_VALUE = 4;
const priced =
  (name: string) =>
  ({ args }: { args: Record<string, unknown> }) =>
    BASE + PER_VALUE * Math.min((args[name] as unknown[] | undefined)?.length ?? 0, BULK_MAX + 1);

const refused = (error: unknown): never => {
  if (error instanceof BulkTooLargeError) throw new ScamgraphError('TOO_MANY', error.message);
  throw error;
};

@Resolver()
export class BulkCheckResolver {
  @Query(() => [NumberCheck], {
    complexity: priced('numbers'),
    description: `checkNumber for up to ${BULK_MAX} numbers at once, answers in the order asked; priced per number.`,
  })
  checkNumbers(
    @Arg('numbers', () => [String]) numbers: string[],
    @Arg('defaultRegion', () => String, { nullable: true }) defaultRegion: string | null,
    @Ctx() context: RequestContext,
  ): Promise<NumberCheck[]> {
    return checkManyNumbers(context.checks, numbers, defaultRegion ?? null).catch(refused) as Promise<NumberCheck[]>;
  }

  @Query(() => [DomainCheck], {
    complexity: priced('domains'),
    description: `checkDomain for up to ${BULK_MAX} domains, hostnames or URLs at once, in the order asked; priced per domain.`,
  })
  checkDomains(@Arg('domains', () => [String]) domains: string[], @Ctx() context: RequestContext): Promise<DomainCheck[]> {
    return checkManyDomains(context.checks, domains).catch(refused) as Promise<DomainCheck[]>;
  }
}
