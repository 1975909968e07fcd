import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import type { Props } from '../loaders.js';
import { Brand } from '../types/brand.type.js';
import { BankAccount, CryptoWallet, Domain, PhoneNumber } from '../types/indicator.types.js';
import { Report, ReportPhone } from '../types/report.type.js';
import type { PhoneRole } from '../../reports/vocabulary.js';

const ROLE_OF_RELATIONSHIP: Record<string, PhoneRole> = { CALLBACK_NUMBER: 'CALLBACK', CALLER_ID: 'CALLER_ID', SENDER_ID: 'SENDER_ID' };

type LinkList = 'callbackNumbers' | 'callerIds' | 'senderIds' | 'domains' | 'wallets' | 'bankAccounts';

/** Stable order for analysts and tests: by the indicator's canonical key. */
const SORT_KEY: Record<LinkList, (node: Props) => string> = {
  callbackNumbers: (node) => String(node['e164']),
  callerIds: (node) => String(node['e164']),
  senderIds: (node) => String(node['e164']),
  domains: (node) => String(node['name']),
  wallets: (node) => `${String(node['chain'])}:${String(node['address'])}`,
  bankAccounts: (node) => `${String(node['scheme'])}:${String(node['identifier'])}`,
};

async function links<T>(context: RequestContext, report: Report, list: LinkList): Promise<T[]> {
  const found = await context.loaders.reportLinks.load(report.id);
  const nodes = (found?.[list] ?? []) as Props[];
  return nodes.sort((a, b) => SORT_KEY[list](a).localeCompare(SORT_KEY[list](b))) as T[];
}

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, { nullable: true })
  async report(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Report | null> {
    return await context.loaders.reportById.load(id);
  }

  @FieldResolver(() => Brand, { nullable: true })
  async brand(@Root() report: Report, @Ctx() context: RequestContext): Promise<Brand | null> {
    const found = await context.loaders.reportLinks.load(report.id);
    return (found?.['brand'] ?? null) as Brand | null;
  }

  @FieldResolver(() => [PhoneNumber])
  callbackNumbers(@Root() report: Report, @Ctx() context: RequestContext): Promise<PhoneNumber[]> {
    return links(context, report, 'callbackNumbers');
  }

  @FieldResolver(() => [ReportPhone], {
    description: 'Every number the report names, once per role, with how it was given (via): by E.164, then role.',
  })
  async phones(@Root() report: Report, @Ctx() context: RequestContext): Promise<ReportPhone[]> {
    const found = await context.loaders.reportLinks.load(report.id);
    const rows = (found?.['phones'] ?? []) as Array<{ type: string; via: ReportPhone['via']; number: PhoneNumber }>;
    return rows
      .map(({ type, via, number }) => ({ role: ROLE_OF_RELATIONSHIP[type] ?? 'CALLBACK', via, number }))
      .sort((a, b) => a.number.e164.localeCompare(b.number.e164) || a.role.localeCompare(b.role));
  }

  @FieldResolver(() => [PhoneNumber], { description: 'Numbers shown as caller ID: spoofable, weak evidence.' })
  callerIds(@Root() report: Report, @Ctx() context: RequestContext): Promise<PhoneNumber[]> {
    return links(context, report, 'callerIds');
  }

  @FieldResolver(() => [PhoneNumber], { description: 'Numbers shown as SMS sender: spoofable, weak evidence.' })
  senderIds(@Root() report: Report, @Ctx() context: RequestContext): Promise<PhoneNumber[]> {
    return links(context, report, 'senderIds');
  }

  @FieldResolver(() => [Domain])
  domains(@Root() report: Report, @Ctx() context: RequestContext): Promise<Domain[]> {
    return links(context, report, 'domains');
  }

  @FieldResolver(() => [CryptoWallet])
  wallets(@Root() report: Report, @Ctx() context: RequestContext): Promise<CryptoWallet[]> {
    return links(context, report, 'wallets');
  }

  @FieldResolver(() => [BankAccount])
  bankAccounts(@Root() report: Report, @Ctx() context: RequestContext): Promise<BankAccount[]> {
    return links(context, report, 'bankAccounts');
  }
}
