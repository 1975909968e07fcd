import type { ScamType } from '../reports/vocabulary.js';

/**
 * Australian brands scammers impersonate most, with their real channels as the brands
 * publish them. The first five fields are BrandService's BrandFields, so a benchmark can
 * register these brands as they are; the rest tells the generator how scams use them.
 */
export interface SyntheticBrand {
  readonly slug: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly officialNumbers: readonly string[];
  readonly officialDomains: readonly string[];
  /** The name as scam messages write it ("CommBank", "AusPost"). */
  readonly short: string;
  /** Words lookalike domains are built from. */
  readonly lookalikes: readonly string[];
  readonly scamTypes: readonly ScamType[];
  /** Letters a fake case or reference number starts with. */
  readonly refPrefix: string;
}

const brand = (fields: SyntheticBrand): SyntheticBrand => fields;

export const BRANDS: readonly SyntheticBrand[] = [
  brand({ slug: 'commbank', name: 'Commonwealth Bank', aliases: ['CommBank', 'CBA', 'NetBank'], officialNumbers: ['13 22 21'], officialDomains: ['commbank.com.au'], short: 'CommBank', lookalikes: ['commbank', 'cba', 'netbank'], scamTypes: ['BANK_IMPERSONATION'], refPrefix: 'CB' }),
  brand({ slug: 'westpac', name: 'Westpac', aliases: ['Westpac Bank', 'WBC'], officialNumbers: ['132 032'], officialDomains: ['westpac.com.au'], short: 'Westpac', lookalikes: ['westpac', 'westpac-au'], scamTypes: ['BANK_IMPERSONATION'], refPrefix: 'WBC' }),
  brand({ slug: 'nab', name: 'NAB', aliases: ['National Australia Bank'], officialNumbers: ['13 22 65'], officialDomains: ['nab.com.au'], short: 'NAB', lookalikes: ['nab', 'nab-au', 'nabonline'], scamTypes: ['BANK_IMPERSONATION'], refPrefix: 'NAB' }),
  brand({ slug: 'anz', name: 'ANZ', aliases: ['ANZ Bank', 'Australia and New Zealand Banking Group'], officialNumbers: ['13 13 14'], officialDomains: ['anz.com.au'], short: 'ANZ', lookalikes: ['anz', 'anz-au', 'anzinternet'], scamTypes: ['BANK_IMPERSONATION'], refPrefix: 'ANZ' }),
  brand({ slug: 'st-george', name: 'St.George Bank', aliases: ['St George', 'StG'], officialNumbers: ['13 33 30'], officialDomains: ['stgeorge.com.au'], short: 'St.George', lookalikes: ['stgeorge', 'stg-bank'], scamTypes: ['BANK_IMPERSONATION'], refPrefix: 'SG' }),
  brand({ slug: 'ing', name: 'ING', aliases: ['ING Australia', 'ING Bank'], officialNumbers: ['133 464'], officialDomains: ['ing.com.au'], short: 'ING', lookalikes: ['ing-au', 'ingbank'], scamTypes: ['BANK_IMPERSONATION'], refPrefix: 'ING' }),
  brand({ slug: 'bendigo-bank', name: 'Bendigo Bank', aliases: ['Bendigo and Adelaide Bank'], officialNumbers: ['1300 236 344'], officialDomains: ['bendigobank.com.au'], short: 'Bendigo Bank', lookalikes: ['bendigo', 'bendigobank'], scamTypes: ['BANK_IMPERSONATION'], refPrefix: 'BEN' }),
  brand({ slug: 'australia-post', name: 'Australia Post', aliases: ['AusPost', 'Aust Post'], officialNumbers: ['13 76 78'], officialDomains: ['auspost.com.au'], short: 'AusPost', lookalikes: ['auspost', 'australiapost', 'aupost'], scamTypes: ['DELIVERY'], refPrefix: 'AP' }),
  brand({ slug: 'dhl', name: 'DHL Express', aliases: ['DHL'], officialNumbers: ['13 14 06'], officialDomains: ['dhl.com'], short: 'DHL', lookalikes: ['dhl', 'dhl-express'], scamTypes: ['DELIVERY'], refPrefix: 'DHL' }),
  brand({ slug: 'mygov', name: 'myGov', aliases: ['my Gov'], officialNumbers: ['13 23 07'], officialDomains: ['my.gov.au'], short: 'myGov', lookalikes: ['mygov', 'my-gov', 'mygovau'], scamTypes: ['GOVERNMENT'], refPrefix: 'MG' }),
  brand({ slug: 'ato', name: 'Australian Taxation Office', aliases: ['ATO', 'Tax Office'], officialNumbers: ['13 28 61'], officialDomains: ['ato.gov.au'], short: 'ATO', lookalikes: ['ato', 'ato-gov', 'taxoffice'], scamTypes: ['GOVERNMENT'], refPrefix: 'ATO' }),
  brand({ slug: 'services-australia', name: 'Services Australia', aliases: ['Centrelink', 'Medicare'], officialNumbers: ['132 011', '132 850'], officialDomains: ['servicesaustralia.gov.au'], short: 'Centrelink', lookalikes: ['centrelink', 'medicare', 'servicesau'], scamTypes: ['GOVERNMENT'], refPrefix: 'CRN' }),
  brand({ slug: 'service-nsw', name: 'Service NSW', aliases: ['Revenue NSW'], officialNumbers: ['13 77 88'], officialDomains: ['service.nsw.gov.au'], short: 'Service NSW', lookalikes: ['servicensw', 'nsw-fines', 'revenuensw'], scamTypes: ['GOVERNMENT', 'OTHER'], refPrefix: 'NSW' }),
  brand({ slug: 'linkt', name: 'Linkt', aliases: ['Linkt Tolls', 'Transurban Linkt'], officialNumbers: ['13 33 31'], officialDomains: ['linkt.com.au'], short: 'Linkt', lookalikes: ['linkt', 'linkt-toll', 'linktau'], scamTypes: ['OTHER'], refPrefix: 'LK' }),
  brand({ slug: 'telstra', name: 'Telstra', aliases: ['BigPond'], officialNumbers: ['13 22 00'], officialDomains: ['telstra.com.au'], short: 'Telstra', lookalikes: ['telstra', 'bigpond', 'telstra-nbn'], scamTypes: ['TECH_SUPPORT', 'SUBSCRIPTION_REFUND'], refPrefix: 'TL' }),
  brand({ slug: 'optus', name: 'Optus', aliases: ['SingTel Optus'], officialNumbers: ['13 39 37'], officialDomains: ['optus.com.au'], short: 'Optus', lookalikes: ['optus', 'myoptus'], scamTypes: ['TECH_SUPPORT', 'SUBSCRIPTION_REFUND'], refPrefix: 'OP' }),
  brand({ slug: 'amazon', name: 'Amazon', aliases: ['Amazon AU', 'Amazon Prime'], officialNumbers: ['1800 571 877'], officialDomains: ['amazon.com.au', 'amazon.com'], short: 'Amazon', lookalikes: ['amazon', 'amzn', 'prime-amazon'], scamTypes: ['SUBSCRIPTION_REFUND', 'DELIVERY'], refPrefix: 'AMZ' }),
  brand({ slug: 'netflix', name: 'Netflix', aliases: [], officialNumbers: [], officialDomains: ['netflix.com'], short: 'Netflix', lookalikes: ['netflix', 'netflx'], scamTypes: ['SUBSCRIPTION_REFUND'], refPrefix: 'NF' }),
  brand({ slug: 'paypal', name: 'PayPal', aliases: ['Pay Pal'], officialNumbers: ['1800 073 263'], officialDomains: ['paypal.com'], short: 'PayPal', lookalikes: ['paypal', 'paypal-au'], scamTypes: ['SUBSCRIPTION_REFUND', 'BANK_IMPERSONATION'], refPrefix: 'PP' }),
  brand({ slug: 'microsoft', name: 'Microsoft', aliases: ['Windows', 'Microsoft Support'], officialNumbers: ['13 20 58'], officialDomains: ['microsoft.com'], short: 'Microsoft', lookalikes: ['microsoft', 'windows', 'ms-support'], scamTypes: ['TECH_SUPPORT'], refPrefix: 'MS' }),
  brand({ slug: 'apple', name: 'Apple', aliases: ['Apple Support', 'iCloud'], officialNumbers: ['133 622'], officialDomains: ['apple.com'], short: 'Apple', lookalikes: ['apple', 'icloud', 'appleid'], scamTypes: ['TECH_SUPPORT', 'SUBSCRIPTION_REFUND'], refPrefix: 'APL' }),
  brand({ slug: 'coinspot', name: 'CoinSpot', aliases: ['Coin Spot'], officialNumbers: [], officialDomains: ['coinspot.com.au'], short: 'CoinSpot', lookalikes: ['coinspot', 'coinspot-au'], scamTypes: ['INVESTMENT_CRYPTO'], refPrefix: 'CS' }),
];

/** Made-up trading platforms investment scams run under when they impersonate no one. */
export const FAKE_PLATFORMS: readonly string[] = ['Quantum Ledger', 'Apex Crypto Capital', 'BitNova Trade', 'Aurum AI Invest', 'Vertex Coin Markets'];
