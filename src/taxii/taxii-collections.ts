import { SCAMGRAPH_NAMESPACE } from '../evidence/stix-ids.js';
import { uuidv5 } from '../evidence/uuid-v5.js';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/** A collection resource (TAXII 2.1 §5.2.1); every one is read-only and holds STIX 2.1. */
export interface TaxiiCollection {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly can_read: true;
  readonly can_write: false;
  readonly media_types: readonly string[];
}

/** Name-based (UUIDv5 in scamgraph's namespace, as its STIX ids): a collection keeps its id across restarts and servers. */
const collectionId = (name: string) => uuidv5(SCAMGRAPH_NAMESPACE, `taxii-collection:${name}`);

export const INDICATORS_COLLECTION_ID = collectionId('high-risk-indicators');
export const campaignCollectionId = (campaignId: string) => collectionId(`campaign:${campaignId}`);

const collection = (id: string, title: string, description: string): TaxiiCollection => ({
  id,
  title,
  description,
  can_read: true,
  can_write: false,
  media_types: [STIX_MEDIA_TYPE],
});

export const indicatorsCollection = (): TaxiiCollection =>
  collection(
    INDICATORS_COLLECTION_ID,
    'scamgraph high-risk indicators',
    "Phone numbers and domains scamgraph's checks judge HIGH_RISK now, as the indicator feed's STIX indicators, each added again when a new report names it.",
  );

export const campaignCollection = (campaign: { id: string; size: number; reportCount: number }): TaxiiCollection =>
  collection(
    campaignCollectionId(campaign.id),
    `scamgraph campaign ${campaign.id}`,
    `The STIX of campaign ${campaign.id}'s evidence pack (${campaign.size} indicators, ${campaign.reportCount} reports): the campaign, its reports, observables and the brands they impersonate.`,
  );
