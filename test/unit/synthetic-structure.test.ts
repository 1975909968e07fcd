import { beforeAll, describe, expect, it } from 'vitest';
import { brandAliasKey } from '../../src/brands/brand-key.js';
import { normalisePhoneNumber } from '../../src/ingest/normalise/phone.js';
import { BRANDS } from '../../src/synthetic/brands.data.js';
import type { TruthLine } from '../../src/synthetic/truth.js';
import { indicatorKeys, validatedSample, type ValidatedSample } from './synthetic-sample.js';

let sample: ValidatedSample;
beforeAll(() => {
  sample = validatedSample(6_000, 21);
});

const campaignLines = () =>
  sample.items.flatMap(({ truth }) => truth.filter((line): line is Extract<TruthLine, { type: 'campaign' }> => line.type === 'campaign'));
const brandSlug = new Map(BRANDS.flatMap((b) => [b.name, b.short, ...b.aliases].map((name) => [brandAliasKey(name), b.slug])));

/** Reports joined through the evidence the graph links on: callback numbers, links, domains, mail, wallets, accounts. */
function components(): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  for (const { report, valid } of sample.items) {
    for (const key of indicatorKeys(valid.indicators, 'CALLBACK')) {
      const line = sample.truth.get(key);
      if (!line?.official && !line?.hub) parent.set(find(`report ${report.externalId}`), find(key));
    }
  }
  return new Map(sample.items.map(({ report }) => [report.externalId as string, find(`report ${report.externalId}`)]));
}

describe('planted structure of the synthetic world', () => {
  it('plants campaigns of very different sizes and lifetimes', () => {
    const sizes = new Map<string, number>();
    for (const { campaign } of sample.items) if (campaign) sizes.set(campaign, (sizes.get(campaign) ?? 0) + 1);
    const ordered = [...sizes.values()].sort((a, b) => a - b);
    expect(ordered.length).toBeGreaterThan(20);
    expect(ordered.at(-1)).toBeGreaterThan(10 * (ordered[Math.floor(ordered.length / 2)] ?? 0));
    const days = campaignLines().map((line) => (Date.parse(line.endsAt) - Date.parse(line.startsAt)) / 86_400_000);
    expect(Math.min(...days)).toBeLessThan(7);
    expect(Math.max(...days)).toBeGreaterThan(60);
  });

  it('makes each campaign one connected graph of shared infrastructure, and never glues two together', () => {
    const component = components();
    const campaignOf = new Map<string, string | null>();
    for (const { report, campaign } of sample.items) {
      const root = component.get(report.externalId as string) as string;
      const owner = campaign ?? `one-off ${report.externalId}`;
      if (!campaignOf.has(root)) campaignOf.set(root, owner);
      expect(campaignOf.get(root), `${report.externalId} joins ${owner} to another campaign`).toBe(owner);
    }
    const rootsPerCampaign = new Map<string, Set<string>>();
    for (const { report, campaign } of sample.items) {
      if (campaign)
        rootsPerCampaign.set(
          campaign,
          (rootsPerCampaign.get(campaign) ?? new Set()).add(component.get(report.externalId as string) as string),
        );
    }
    for (const [campaign, roots] of rootsPerCampaign) expect(roots.size, campaign).toBe(1);
  });

  it('rotates infrastructure inside campaigns and shares numbers across brands', () => {
    const numbersPerCampaign = new Map<string, Set<string>>();
    const brandsPerNumber = new Map<string, Set<string>>();
    for (const { campaign, report, valid } of sample.items) {
      const callbacks = indicatorKeys(valid.indicators, 'CALLBACK').filter((key) => key.startsWith('phone '));
      if (campaign) for (const key of callbacks) numbersPerCampaign.set(campaign, (numbersPerCampaign.get(campaign) ?? new Set()).add(key));
      const brand = report.claimedBrand ? brandSlug.get(brandAliasKey(report.claimedBrand)) : undefined;
      if (brand) for (const key of callbacks) brandsPerNumber.set(key, (brandsPerNumber.get(key) ?? new Set()).add(brand));
    }
    expect(Math.max(...[...numbersPerCampaign.values()].map((numbers) => numbers.size))).toBeGreaterThanOrEqual(3);
    expect([...brandsPerNumber.values()].filter((brands) => brands.size >= 2).length).toBeGreaterThan(0);
    expect(campaignLines().some((line) => line.brands.length >= 2)).toBe(true);
  });

  it('adds noise: one-off reports, spoofed official caller IDs, victims\u2019 own numbers that never become indicators', () => {
    const oneOffs = sample.items.filter(({ campaign }) => campaign === null).length / sample.items.length;
    expect(oneOffs).toBeGreaterThan(0.05);
    expect(oneOffs).toBeLessThan(0.11);
    expect(sample.items.some(({ report }) => (report.callerIds?.length ?? 0) > 0)).toBe(true);
    const victims = sample.items.flatMap(({ report, valid }) => {
      const number = /^(?:Hi |Your mobile number )([\d ]+\d)/.exec(report.text ?? '')?.[1];
      return number ? [{ number, valid }] : [];
    });
    expect(victims.length).toBeGreaterThan(20);
    for (const { number, valid } of victims) {
      const phone = normalisePhoneNumber(number);
      expect(phone.ok && valid.indicators.phones.has(phone.value.e164), number).toBe(false);
    }
  });

  it('uses lookalike, IDN, tenant and shortened links, wallets of three chains, BSB and PayID mules, references', () => {
    const keys = [...sample.truth.keys()];
    expect(keys.some((key) => key.startsWith('domain xn--'))).toBe(true);
    expect(keys.some((key) => /^domain [^ ]+\.(netlify\.app|web\.app|pages\.dev|vercel\.app|github\.io)$/.test(key))).toBe(true);
    expect(keys.some((key) => /^url https:\/\/(bit\.ly|tinyurl\.com|cutt\.ly|rb\.gy|is\.gd|t\.ly)\//.test(key))).toBe(true);
    for (const chain of ['BTC', 'ETH', 'TRX'])
      expect(
        keys.some((key) => key.startsWith(`wallet ${chain}:`)),
        chain,
      ).toBe(true);
    for (const scheme of ['AU_BSB', 'PAYID'])
      expect(
        keys.some((key) => key.startsWith(`bankAccount ${scheme}:`)),
        scheme,
      ).toBe(true);
    expect(sample.items.some(({ report }) => report.urls?.some((url) => url.startsWith('hxxp')))).toBe(true);
    expect(sample.items.filter(({ valid }) => valid.referenceNumbers.length > 0).length).toBeGreaterThan(100);
  });
});
