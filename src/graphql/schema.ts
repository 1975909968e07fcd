import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { completeWithContract } from './contract-gaps.js';
import { ApiKeyResolver } from './resolvers/api-key.resolver.js';
import { BrandResolver } from './resolvers/brand.resolver.js';
import { BrandImpersonationResolver, CheckResolver } from './resolvers/check.resolver.js';
import { CampaignExplanationResolver } from './resolvers/campaign-explanation.resolver.js';
import { CampaignResolver } from './resolvers/campaign.resolver.js';
import { CAMPAIGN_FIELD_RESOLVERS } from './resolvers/indicator-campaign.resolver.js';
import { DISRUPTION_RESOLVERS } from './resolvers/disruption.resolver.js';
import { EvidenceResolver, ImportResolver } from './resolvers/evidence.resolver.js';
import { IngestResolver } from './resolvers/ingest.resolver.js';
import { DomainResolver, PhoneNumberResolver } from './resolvers/indicator.resolver.js';
import { InfrastructureResolver } from './resolvers/infrastructure.resolver.js';
import {
  CampaignPictureResolver,
  NeighbourhoodResolver,
  PictureColumnsResolver,
  ViewerResolver,
} from './resolvers/neighbourhood.resolver.js';
import { BulkCheckResolver } from './resolvers/bulk-check.resolver.js';
import { AlertResolver, WatchResolver } from './resolvers/monitoring.resolver.js';
import { ReportResolver } from './resolvers/report.resolver.js';
import { ReviewResolver } from './resolvers/review.resolver.js';

const RESOLVERS = [
  ReviewResolver,
  ReportResolver,
  PhoneNumberResolver,
  DomainResolver,
  BrandResolver,
  IngestResolver,
  InfrastructureResolver,
  NeighbourhoodResolver,
  CampaignPictureResolver,
  PictureColumnsResolver,
  ViewerResolver,
  ApiKeyResolver,
  CheckResolver,
  BrandImpersonationResolver,
  CampaignResolver,
  CampaignExplanationResolver,
  ...CAMPAIGN_FIELD_RESOLVERS,
  EvidenceResolver,
  ImportResolver,
  ...DISRUPTION_RESOLVERS,
  WatchResolver,
  AlertResolver,
  BulkCheckResolver,
] as const;

/** What type-graphql builds from the resolvers alone, before the contract's unbuilt parts are added. */
export function buildResolverSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Input is validated by zod in the domain modules, with codes the contract promises.
    validate: false,
    // Subscriptions bring their own source (`subscribe`, src/monitoring/alert-stream.ts): no topic is ever published.
    pubSub: {
      publish: () => {},
      subscribe: () => {
        throw new Error('subscriptions use their own subscribe function');
      },
    },
  });
}

/** The served schema: every field of schema/contract.graphql, built or answering NOT_IMPLEMENTED. */
export async function buildServedSchema(): Promise<GraphQLSchema> {
  return completeWithContract(await buildResolverSchema());
}

/** The SDL committed as schema/schema.graphql, sorted so diffs show real changes only. */
export function printServedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
