import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { Brand } from '../types/brand.type.js';
import { BrandImpersonation, DomainCheck, NumberCheck } from '../types/check.types.js';

const IMPERSONATION_MAX = 100;

/** A check reads the indicator, its brands and campaign and scans the registry for lookalikes: 1 to 3.5 ms measured (scripts/bench/field-costs.ts). */
const CHECK = 40;

@Resolver()
export class CheckResolver {
  @Query(() => NumberCheck, {
    complexity: CHECK,
    description: 'Is this number a scam? A verdict with its reasons; bad input is an UNKNOWN with a reason.',
  })
  checkNumber(
    @Arg('number', () => String) number: string,
    @Arg('defaultRegion', () => String, { nullable: true }) defaultRegion: string | null,
    @Ctx() context: RequestContext,
  ): Promise<NumberCheck> {
    return context.checks.checkNumber(number, defaultRegion) as Promise<NumberCheck>;
  }

  @Query(() => DomainCheck, {
    complexity: CHECK,
    description: 'Is this domain (or hostname, or URL) a scam? Judged on its registrable domain.',
  })
  checkDomain(@Arg('domain', () => String) domain: string, @Ctx() context: RequestContext): Promise<DomainCheck> {
    return context.checks.checkDomain(domain) as Promise<DomainCheck>;
  }

  @Query(() => DomainCheck, {
    complexity: CHECK,
    description: 'Is this link a scam? Judged on its domain, with lookalikes read from the whole hostname.',
  })
  checkUrl(@Arg('url', () => String) url: string, @Ctx() context: RequestContext): Promise<DomainCheck> {
    return context.checks.checkUrl(url) as Promise<DomainCheck>;
  }
}

@Resolver(() => Brand)
export class BrandImpersonationResolver {
  @FieldResolver(() => BrandImpersonation, { description: 'Its impersonating numbers and domains, and lookalike domains, riskiest first.' })
  async impersonation(
    @Root() brand: Brand,
    @Arg('first', () => Int, { nullable: true, description: `Most of each list, up to ${IMPERSONATION_MAX}; 20 when absent.` })
    first: number | null,
    @Ctx() context: RequestContext,
  ): Promise<BrandImpersonation> {
    const limit = Math.min(Math.max(first ?? 20, 0), IMPERSONATION_MAX);
    const [numbers, domains, lookalikeDomains] = await Promise.all([
      context.checks.numbersImpersonating(brand.slug, limit),
      context.checks.domainsImpersonating(brand.slug, limit),
      context.checks.lookalikesOf(brand.slug, limit),
    ]);
    return { numbers, domains, lookalikeDomains } as BrandImpersonation;
  }
}
