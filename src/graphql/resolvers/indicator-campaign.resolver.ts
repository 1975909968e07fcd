import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { IndicatorKey } from '../campaign-loaders.js';
import type { RequestContext } from '../context.js';
import { Brand } from '../types/brand.type.js';
import { Campaign } from '../types/campaign.types.js';
import { BankAccount, CryptoWallet, Domain, PhoneNumber } from '../types/indicator.types.js';

const CAMPAIGN_OF = 'The campaign it links; null when it links none (a hub, an official channel, a singleton).';

const campaignOf = async (context: RequestContext, key: IndicatorKey) => await context.campaignLoaders.indicatorCampaign.load(key);

@Resolver(() => PhoneNumber)
export class PhoneNumberCampaignResolver {
  @FieldResolver(() => Campaign, { nullable: true, description: CAMPAIGN_OF })
  campaign(@Root() phone: PhoneNumber, @Ctx() context: RequestContext): Promise<Campaign | null> {
    return campaignOf(context, { kind: 'phone', key: phone.e164, qualifier: null });
  }
}

@Resolver(() => Domain)
export class DomainCampaignResolver {
  @FieldResolver(() => Campaign, { nullable: true, description: CAMPAIGN_OF })
  campaign(@Root() domain: Domain, @Ctx() context: RequestContext): Promise<Campaign | null> {
    return campaignOf(context, { kind: 'domain', key: domain.name, qualifier: null });
  }
}

@Resolver(() => CryptoWallet)
export class CryptoWalletCampaignResolver {
  @FieldResolver(() => Campaign, { nullable: true, description: CAMPAIGN_OF })
  campaign(@Root() wallet: CryptoWallet, @Ctx() context: RequestContext): Promise<Campaign | null> {
    return campaignOf(context, { kind: 'wallet', key: wallet.address, qualifier: wallet.chain });
  }
}

@Resolver(() => BankAccount)
export class BankAccountCampaignResolver {
  @FieldResolver(() => Campaign, { nullable: true, description: CAMPAIGN_OF })
  campaign(@Root() account: BankAccount, @Ctx() context: RequestContext): Promise<Campaign | null> {
    return campaignOf(context, { kind: 'bank_account', key: account.identifier, qualifier: account.scheme });
  }
}

@Resolver(() => Brand)
export class BrandCampaignsResolver {
  @FieldResolver(() => [Campaign], { description: 'Active campaigns whose reports claim this brand, largest first.' })
  async campaigns(@Root() brand: Brand, @Ctx() context: RequestContext): Promise<Campaign[]> {
    return context.campaignLoaders.brandCampaigns.load(brand.slug);
  }
}

export const CAMPAIGN_FIELD_RESOLVERS = [
  PhoneNumberCampaignResolver,
  DomainCampaignResolver,
  CryptoWalletCampaignResolver,
  BankAccountCampaignResolver,
  BrandCampaignsResolver,
] as const;
