// Issue 18: the public official-channels page of a brand, read without a key, in Chromium and over HTTP.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_MISSING = existsSync(CHROMIUM) ? '' : `${CHROMIUM} is missing (apt-get install chromium; .ci/run does)`;
const tag = uniqueId().slice(0, 8);
const slug = `pagebank-${tag}`;
const name = `Page Bank ${tag}`;
const [official, officialSite] = [uniqueMobile(), uniqueDomain()];
const [risky, older, once, riskySite] = [uniqueMobile(), uniqueMobile(), uniqueMobile(), uniqueDomain()];
const secretText = `SECRET-MESSAGE-${tag}`;
const source = `reporter-${tag}`;
let app: TestApp;
let base: string;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

beforeAll(async () => {
  app = await startTestApp({ BRAND_PAGE_RATE_PER_MINUTE: '8' });
  base = app.url.replace(/\/graphql$/, '');
  await app.gql('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: { slug, name, officialNumbers: [official], officialDomains: [officialSite] },
  });
  // risky and older: four callback reports each, across two claimed spellings' worth of evidence; once: one report (only suspicious).
  const reports = [
    ...[1, 2, 3, 4].map((day) => ({
      channel: 'SMS',
      claimedBrand: name,
      callbackNumbers: [risky],
      urls: [`https://${riskySite}/login`],
      receivedAt: daysAgo(day),
      text: `${secretText} call ${risky}`,
      source,
      externalId: `${tag}-r${day}`,
    })),
    ...[5, 6, 7, 8].map((day) => ({
      channel: 'EMAIL',
      claimedBrand: name,
      callbackNumbers: [older],
      receivedAt: daysAgo(day),
      source,
      externalId: `${tag}-o${day}`,
    })),
    { channel: 'SMS', claimedBrand: name, callbackNumbers: [once], callerIds: [official], source, externalId: `${tag}-once` },
  ];
  const response = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', { r: reports });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
  // Cross-brand evidence makes risky and older high risk.
  await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', {
    r: [risky, older].map((number) => ({
      channel: 'SMS',
      claimedBrand: `Other ${tag}`,
      callbackNumbers: [number],
      receivedAt: daysAgo(9),
    })),
  });
});
afterAll(() => app?.stop());

describe('the public official-channels page', { timeout: 180_000 }, () => {
  it('lists official channels and high-risk false ones newest first, without a key, cacheable, as JSON too', async () => {
    const response = await fetch(`${base}/brands/${slug}.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const page = (await response.json()) as any;
    expect(page).toMatchObject({ slug, name, officialNumbers: [official], officialDomains: [officialSite] });
    expect(page.falseNumbers.map((entry: any) => entry.value)).toEqual([risky, older]);
    expect(page.falseDomains.map((entry: any) => entry.value)).toEqual([riskySite]);
    expect(page.falseNumbers[0].lastReported).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.advice.length).toBeGreaterThan(0);
    expect((await fetch(`${base}/brands/no-such-brand-${tag}`)).status).toBe(404);
    expect((await fetch(`${base}/brands/${'x'.repeat(5000)}`)).status).toBe(404);
  });

  it('renders in Chromium with no reporter data and no message text', async (context) => {
    if (CHROMIUM_MISSING) context.skip(CHROMIUM_MISSING);
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const tab = await browser.newPage();
      const answer = await tab.goto(`${base}/brands/${slug}`);
      expect(answer?.status()).toBe(200);
      expect(await tab.title()).toBe(`${name}: official contact channels`);
      expect(await tab.locator('#official li').allTextContents()).toEqual([official, officialSite]);
      expect(await tab.locator('#false-claims .value').allTextContents()).toEqual([risky, older, riskySite]);
      expect(await tab.locator('#advice li').count()).toBeGreaterThan(2);
      const html = await tab.content();
      for (const leak of [secretText, source, `${tag}-r1`, once]) expect(html).not.toContain(leak);
      expect(await tab.evaluate('document.scripts.length')).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('limits requests per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await fetch(`${base}/brands/${slug}.json`)).status);
    expect(statuses).toContain(429);
    const refused = await fetch(`${base}/brands/${slug}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
