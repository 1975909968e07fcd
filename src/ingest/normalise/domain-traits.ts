import { FREE_MAIL, PLATFORMS, URL_SHORTENERS } from './domain-traits.data.js';

export interface DomainTraits {
  /** Redirects to somewhere else: the link's real target is unknown. */
  readonly isShortener: boolean;
  /** Hosts content or accounts for many unrelated people. */
  readonly isPlatform: boolean;
  /** Anyone can get an address there. */
  readonly isFreeMail: boolean;
}

/**
 * What is known about a registrable domain, as normaliseDomain returns it (lower-case
 * punycode eTLD+1). Hubs must never glue unrelated reports into one campaign.
 */
export function domainTraits(domain: string): DomainTraits {
  const key = domain.toLowerCase();
  return {
    isShortener: URL_SHORTENERS.has(key),
    isPlatform: PLATFORMS.has(key),
    isFreeMail: FREE_MAIL.has(key),
  };
}
