import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { CampaignBridge, CampaignLink } from '../types/campaign-explanation.types.js';
import { Campaign } from '../types/campaign.types.js';

const explanation = async (context: RequestContext, campaign: Campaign) => context.campaignLoaders.campaignExplanation.load(campaign.id);

/** Why a campaign's members belong together, and what ties it to others: both from one loader. */
@Resolver(() => Campaign)
export class CampaignExplanationResolver {
  @FieldResolver(() => [CampaignLink], {
    description: 'Why its members belong together: its heaviest links, with the reports behind them.',
  })
  async strongestLinks(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignLink[]> {
    return ((await explanation(context, campaign))?.['strongestLinks'] ?? []) as CampaignLink[];
  }

  @FieldResolver(() => Int, {
    description: 'Other campaigns it is tied to by evidence too weak to merge them (see bridges), as of the last detection run.',
  })
  bridgeCount(@Root() campaign: Campaign): number {
    return campaign.bridgeCount ?? 0;
  }

  @FieldResolver(() => [CampaignBridge], {
    description: 'Other campaigns it is tied to by evidence too weak to merge them, heaviest first.',
  })
  async bridges(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignBridge[]> {
    return ((await explanation(context, campaign))?.['bridges'] ?? []) as CampaignBridge[];
  }
}
