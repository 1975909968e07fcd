import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { normalisePhoneNumber, parseRegion } from '../../ingest/normalise/phone.js';
import { normaliseDomain } from '../../ingest/normalise/url.js';
import type { PhoneRole } from '../../reports/vocabulary.js';
import type { RequestContext } from '../context.js';
import { PhoneRoleEnum } from '../enums.js';
import { badInput } from '../errors.js';
import { connectionFrom, nodeWithLists, relatedList } from '../loaders.js';
import { selectedLists, selectedNodeFields } from '../look-ahead.js';
import { reportProperties } from '../report-projection.js';
import { Brand } from '../types/brand.type.js';
import type { Connection } from '../types/connection.type.js';
import { ReportConnection } from '../types/connections.js';
import { Domain, PhoneNumber } from '../types/indicator.types.js';
import type { Report } from '../types/report.type.js';

const ROLE_COUNT: Record<PhoneRole, 'callbackCount' | 'callerIdCount' | 'senderIdCount'> = {
  CALLBACK: 'callbackCount',
  CALLER_ID: 'callerIdCount',
  SENDER_ID: 'senderIdCount',
};

@Resolver(() => PhoneNumber)
export class PhoneNumberResolver {
  @Query(() => PhoneNumber, { nullable: true, description: 'Any written form in; normalised with defaultRegion (AU when absent).' })
  async phoneNumber(
    @Arg('number', () => String) number: string,
    @Arg('defaultRegion', () => String, { nullable: true }) defaultRegion: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PhoneNumber | null> {
    const region = parseRegion(defaultRegion ?? undefined);
    if (!region.ok) throw badInput([{ field: 'defaultRegion', code: region.code, message: region.message }]);
    const phone = normalisePhoneNumber(number, region.value);
    if (!phone.ok) throw badInput([{ field: 'number', code: phone.code, message: phone.message }]);
    return nodeWithLists(context.loaders.phones, phone.value.e164, selectedLists(info, ['brands', 'domains']));
  }

  @FieldResolver(() => Int, { description: 'Reports that name this number, in the given role (all roles when absent).' })
  reportCount(@Root() phone: PhoneNumber, @Arg('role', () => PhoneRoleEnum, { nullable: true }) role: PhoneRole | null): number {
    return (role ? phone[ROLE_COUNT[role]] : phone.reportCount) ?? 0;
  }

  @FieldResolver(() => [Brand], { description: 'Brands impersonated in reports that give this number as a callback number.' })
  async brands(@Root() phone: PhoneNumber, @Ctx() context: RequestContext): Promise<Brand[]> {
    return relatedList(context.loaders.phones, phone.e164, 'brands');
  }

  @FieldResolver(() => [Domain], { description: 'Domains that appear in reports together with this number as a callback number.' })
  async domains(@Root() phone: PhoneNumber, @Ctx() context: RequestContext): Promise<Domain[]> {
    return relatedList(context.loaders.phones, phone.e164, 'domains');
  }

  @FieldResolver(() => ReportConnection, { description: 'Reports naming this number in any role, newest first.' })
  reports(
    @Root() phone: PhoneNumber,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Report>> {
    // The cursor is [receivedAt, id]; the statement parses the first part with datetime().
    return connectionFrom(context.loaders.phoneReports, phone.e164, first, after, {
      shape: ['datetime', 'string'],
      properties: reportProperties(selectedNodeFields(info)),
    });
  }
}

@Resolver(() => Domain)
export class DomainResolver {
  @Query(() => Domain, { nullable: true, description: 'A URL or hostname in; its registrable domain out.' })
  async domain(
    @Arg('name', () => String) name: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Domain | null> {
    const domain = normaliseDomain(name);
    if (!domain.ok) throw badInput([{ field: 'name', code: domain.code, message: domain.message }]);
    return nodeWithLists(context.loaders.domains, domain.value, selectedLists(info, ['callbackNumbers', 'brands']));
  }

  @FieldResolver(() => [PhoneNumber], { description: 'Callback numbers that appear in reports together with this domain.' })
  async callbackNumbers(@Root() domain: Domain, @Ctx() context: RequestContext): Promise<PhoneNumber[]> {
    return relatedList(context.loaders.domains, domain.name, 'callbackNumbers');
  }

  @FieldResolver(() => [Brand], { description: 'Brands claimed in reports naming this domain.' })
  async brands(@Root() domain: Domain, @Ctx() context: RequestContext): Promise<Brand[]> {
    return relatedList(context.loaders.domains, domain.name, 'brands');
  }
}
