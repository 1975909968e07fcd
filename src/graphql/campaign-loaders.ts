import DataLoader from 'dataloader';
import type { GraphExecutor } from '../graph/executor.js';
import { keyedLoader, keyedRow, listLoader, LIST_LIMIT, nodeShape, PROPS } from './loaders.js';
import type { Campaign } from './types/campaign.types.js';

/** An indicator by kind and canonical key (qualifier: a wallet's chain, a bank account's scheme). */
export interface IndicatorKey {
  readonly kind: 'phone' | 'domain' | 'wallet' | 'bank_account';
  readonly key: string;
  readonly qualifier: string | null;
}

/** The campaign of each indicator, every kind in one round trip. */
function indicatorCampaignLoader(graph: GraphExecutor): DataLoader<IndicatorKey, Campaign | null, string> {
  const shape = keyedRow(nodeShape<Campaign>('id'));
  const id = (key: IndicatorKey) => JSON.stringify([key.kind, key.key, key.qualifier]);
  return new DataLoader(
    async (keys) => {
      const rows = await graph.readAs('campaigns/indicator-campaigns', shape, { keys: keys.map((key) => ({ id: id(key), ...key })) });
      const byId = new Map(rows.map((row) => [row.key, row.node]));
      return keys.map((key) => byId.get(id(key)) ?? null);
    },
    { cacheKeyFn: id },
  );
}

/** Links and bridges a campaign explains itself with: enough to judge, few enough to read. */
const EXPLANATION_LIMIT = 10;

/** Per request, like createLoaders: campaigns, what they hold, and the campaigns of indicators and brands. */
export function createCampaignLoaders(graph: GraphExecutor) {
  return {
    campaignById: keyedLoader(graph, 'campaigns/campaigns-by-id', nodeShape<Campaign>('id')),
    campaignInfrastructure: keyedLoader(graph, 'campaigns/campaign-infrastructure', PROPS, { limit: LIST_LIMIT }),
    campaignBreakdown: keyedLoader(graph, 'campaigns/campaign-report-breakdown', PROPS),
    campaignExplanation: keyedLoader(graph, 'campaigns/campaign-explanations', PROPS, { limit: EXPLANATION_LIMIT }),
    brandCampaigns: listLoader(graph, 'campaigns/brand-campaigns', nodeShape<Campaign>('id')),
    indicatorCampaign: indicatorCampaignLoader(graph),
  };
}

export type CampaignLoaders = ReturnType<typeof createCampaignLoaders>;
