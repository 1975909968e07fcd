import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DetectionRun as Run } from '../../campaigns/campaign-detector.js';
import { DetectionBusyError, DetectionEngineUnavailableError } from '../../campaigns/detection-errors.js';
import { withoutDeadline } from '../../graph/deadline.js';
import type { RequestContext } from '../context.js';
import { ScamgraphError } from '../errors.js';
import { pageRequest, toConnection } from '../pagination.js';
import { Brand } from '../types/brand.type.js';
import { Campaign, CampaignConnection, ChannelCount, DetectionRun, ScamTypeCount, WeekCount } from '../types/campaign.types.js';
import type { Connection } from '../types/connection.type.js';
import { BankAccount, CryptoWallet, Domain, PhoneNumber } from '../types/indicator.types.js';

type Infrastructure = 'brands' | 'phoneNumbers' | 'domains' | 'wallets' | 'bankAccounts';
type Breakdown = 'scamTypes' | 'channels' | 'weeks';

async function infrastructure<T>(context: RequestContext, campaign: Campaign, list: Infrastructure): Promise<T[]> {
  const found = await context.campaignLoaders.campaignInfrastructure.load(campaign.id);
  return (found?.[list] ?? []) as T[];
}

async function breakdown<T>(context: RequestContext, campaign: Campaign, list: Breakdown): Promise<T[]> {
  const found = await context.campaignLoaders.campaignBreakdown.load(campaign.id);
  return (found?.[list] ?? []) as T[];
}

const byId = async (context: RequestContext, id: string | null) => (id ? await context.campaignLoaders.campaignById.load(id) : null);

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => CampaignConnection, { description: 'Active campaigns, largest first (indicators, then reports).' })
  async campaigns(
    @Arg('minSize', () => Int, { nullable: true, description: 'Fewest indicators; 2 when absent.' }) minSize: number | null,
    @Arg('brand', () => String, { nullable: true, description: 'A brand slug: campaigns whose reports claim it.' }) brand: string | null,
    @Arg('withBridges', () => Boolean, { nullable: true, description: 'Only campaigns with bridges to others (bridgeCount above 0).' })
    withBridges: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Connection<Campaign>> {
    const least = minSize ?? 2;
    if (!Number.isInteger(least) || least < 0) {
      throw new ScamgraphError('OUT_OF_RANGE', `minSize must be 0 or more, got ${least}`, { argument: 'minSize' });
    }
    const page = pageRequest(first, after);
    const { edges, totalCount } = await context.campaigns.page(
      { minSize: least, brand: brand ?? null, withBridges: withBridges ?? false },
      page,
    );
    return toConnection(edges, page.first, totalCount);
  }

  @Query(() => Campaign, { nullable: true, description: 'Active or retired: a retired campaign says what became of it.' })
  campaign(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Campaign | null> {
    return byId(context, id);
  }

  @Mutation(() => DetectionRun, {
    description:
      'Full campaign detection now. A call during a run of this process gets that run; a run in another ' +
      'process is waited for, then answered DETECTION_IN_PROGRESS past CAMPAIGN_LOCK_WAIT_SECONDS.',
  })
  async detectCampaigns(@Ctx() context: RequestContext): Promise<Run> {
    try {
      return await withoutDeadline(() => context.campaigns.detect());
    } catch (error) {
      if (error instanceof DetectionBusyError) throw new ScamgraphError('DETECTION_IN_PROGRESS', error.message);
      if (error instanceof DetectionEngineUnavailableError) throw new ScamgraphError('ENGINE_UNAVAILABLE', error.message);
      throw error;
    }
  }

  @FieldResolver(() => [Brand], { description: 'Brands its reports claim, most reports first.' })
  brands(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<Brand[]> {
    return infrastructure(context, campaign, 'brands');
  }

  @FieldResolver(() => [PhoneNumber], { description: 'Linking members first, then hubs; most reports first.' })
  phoneNumbers(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<PhoneNumber[]> {
    return infrastructure(context, campaign, 'phoneNumbers');
  }

  @FieldResolver(() => [Domain], { description: 'Linking members first, then hubs (shorteners, platforms) it uses; most reports first.' })
  domains(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<Domain[]> {
    return infrastructure(context, campaign, 'domains');
  }

  @FieldResolver(() => [CryptoWallet])
  wallets(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CryptoWallet[]> {
    return infrastructure(context, campaign, 'wallets');
  }

  @FieldResolver(() => [BankAccount])
  bankAccounts(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<BankAccount[]> {
    return infrastructure(context, campaign, 'bankAccounts');
  }

  @FieldResolver(() => [ScamTypeCount], { description: 'Its reports by scam type, most first.' })
  scamTypes(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<ScamTypeCount[]> {
    return breakdown(context, campaign, 'scamTypes');
  }

  @FieldResolver(() => [ChannelCount], { description: 'Its reports by channel, most first.' })
  channels(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<ChannelCount[]> {
    return breakdown(context, campaign, 'channels');
  }

  @FieldResolver(() => [WeekCount], {
    description:
      'Its reports per week of their own date (Report.reportedAt), oldest first; weeks without reports left out, ' +
      'and reports without a date too (undatedReportCount).',
  })
  reportsByWeek(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<WeekCount[]> {
    return breakdown(context, campaign, 'weeks');
  }

  @FieldResolver(() => Int, { description: 'Its reports whose source gave no date (CryptoScamDB): in no week of reportsByWeek.' })
  async undatedReportCount(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<number> {
    const found = await context.campaignLoaders.campaignBreakdown.load(campaign.id);
    return Number(found?.['undated'] ?? 0);
  }

  @FieldResolver(() => Campaign, { nullable: true, description: 'For a MERGED campaign: the one it merged into.' })
  mergedInto(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<Campaign | null> {
    return byId(context, campaign.mergedInto);
  }

  @FieldResolver(() => Campaign, { nullable: true, description: 'For a campaign split off another: the one it took most members from.' })
  splitFrom(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<Campaign | null> {
    return byId(context, campaign.splitFrom);
  }
}
