import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import type { BrandWrite, OfficialChannelKind } from '../../brands/brand.service.js';
import { connectionFrom, nodeWithLists, parentWithPage, relatedList } from '../loaders.js';
import { nodeFieldsOf, selectedFields, selectedNodeFields } from '../look-ahead.js';
import { phoneProperties } from '../phone-projection.js';
import type { Connection } from '../types/connection.type.js';
import { PhoneNumberConnection } from '../types/connections.js';
import { Domain, type PhoneNumber } from '../types/indicator.types.js';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors.js';
import { Brand } from '../types/brand.type.js';
import { BrandInput } from '../types/inputs.js';

const OfficialChannelKindEnum = { PHONE: 'PHONE', DOMAIN: 'DOMAIN' } as const;
registerEnumType(OfficialChannelKindEnum, { name: 'OfficialChannelKind' });

async function written(write: Promise<BrandWrite>): Promise<Brand> {
  const result = await write;
  if (!result.ok) throw badInput(result.errors);
  return result.brand;
}

@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => Brand, { nullable: true })
  async brand(
    @Arg('slug', () => String) slug: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Brand | null> {
    const selected = selectedFields(info);
    const page = selected.get('callbackNumbers');
    if (page && !selected.has('domains')) {
      // The page statement returns the brand too: one round trip for both.
      const brand = await parentWithPage(context.loaders.brandCallbackNumbers, slug, page.args, phoneProperties(nodeFieldsOf(page)));
      if (brand !== undefined) return brand as Brand | null;
    }
    return nodeWithLists(context.loaders.brands, slug, selected.has('domains') ? ['domains'] : []);
  }

  @Mutation(() => Brand, { description: 'Registers a brand or replaces its name, aliases and official channels.' })
  upsertBrand(@Arg('brand', () => BrandInput) brand: BrandInput, @Ctx() context: RequestContext): Promise<Brand> {
    return written(context.brands.upsert(brand));
  }

  @Mutation(() => Brand, {
    description:
      'Merges brand `from` into brand `into` (ADMIN): its reports, numbers, domains, campaigns and aliases move, its name stays as an alias, and it is gone. Repeating a merge changes nothing; an unknown slug (NOT_FOUND) or a brand merged into itself (SAME_BRAND) changes nothing either.',
  })
  mergeBrands(
    @Arg('from', () => String) from: string,
    @Arg('into', () => String) into: string,
    @Ctx() context: RequestContext,
  ): Promise<Brand> {
    return written(context.brands.merge(from, into));
  }

  @Mutation(() => Brand, { description: 'Adds one official number or domain to a registered brand (ADMIN).' })
  addOfficialChannel(
    @Arg('slug', () => String) slug: string,
    @Arg('kind', () => OfficialChannelKindEnum) kind: OfficialChannelKind,
    @Arg('value', () => String) value: string,
    @Ctx() context: RequestContext,
  ): Promise<Brand> {
    return written(context.brands.addOfficialChannel(slug, kind, value));
  }

  @Mutation(() => Brand, { description: 'Removes one official number or domain from a registered brand (ADMIN).' })
  removeOfficialChannel(
    @Arg('slug', () => String) slug: string,
    @Arg('kind', () => OfficialChannelKindEnum) kind: OfficialChannelKind,
    @Arg('value', () => String) value: string,
    @Ctx() context: RequestContext,
  ): Promise<Brand> {
    return written(context.brands.removeOfficialChannel(slug, kind, value));
  }

  @FieldResolver(() => PhoneNumberConnection, {
    description: 'Numbers given as callback in reports claiming this brand, most reports first.',
  })
  callbackNumbers(
    @Root() brand: Brand,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<PhoneNumber>> {
    return connectionFrom(context.loaders.brandCallbackNumbers, brand.slug, first, after, {
      properties: phoneProperties(selectedNodeFields(info)),
    });
  }

  @FieldResolver(() => [Domain], { description: 'Domains named in reports claiming this brand, most reports first.' })
  async domains(@Root() brand: Brand, @Ctx() context: RequestContext): Promise<Domain[]> {
    return relatedList(context.loaders.brands, brand.slug, 'domains');
  }
}
