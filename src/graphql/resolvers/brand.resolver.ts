import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
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
}
