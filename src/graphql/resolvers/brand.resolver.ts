import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionFrom } from '../loaders.js';
import type { Connection } from '../types/connection.type.js';
import { PhoneNumberConnection } from '../types/connections.js';
import { Domain, type PhoneNumber } from '../types/indicator.types.js';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors.js';
import { Brand } from '../types/brand.type.js';
import { BrandInput } from '../types/inputs.js';

@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => Brand, { nullable: true })
  async brand(@Arg('slug', () => String) slug: string, @Ctx() context: RequestContext): Promise<Brand | null> {
    return (await context.loaders.brandBySlug.load(slug)) as Brand | null;
  }

  @Mutation(() => Brand, { description: 'Registers a brand or replaces its name, aliases and official channels.' })
  async upsertBrand(@Arg('brand', () => BrandInput) brand: BrandInput, @Ctx() context: RequestContext): Promise<Brand> {
    const written = await context.brands.upsert(brand);
    if (!written.ok) throw badInput(written.errors);
    return written.brand as unknown as Brand;
  }

  @FieldResolver(() => PhoneNumberConnection, { description: 'Numbers given as callback in reports claiming this brand, most reports first.' })
  callbackNumbers(
    @Root() brand: Brand,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Connection<PhoneNumber>> {
    return connectionFrom(context.loaders.brandCallbackNumbers, brand.slug, first, after);
  }

  @FieldResolver(() => [Domain], { description: 'Domains named in reports claiming this brand, most reports first.' })
  async domains(@Root() brand: Brand, @Ctx() context: RequestContext): Promise<Domain[]> {
    return (await context.loaders.brandDomains.load(brand.slug)) as unknown as Domain[];
  }
}
