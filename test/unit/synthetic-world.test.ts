import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { normalisePhoneNumber } from '../../src/ingest/normalise/phone.js';
import { generateScamWorld } from '../../src/synthetic/scam-world.js';
import { LURES } from '../../src/synthetic/lures.data.js';
import { indicatorKeys, validatedSample } from './synthetic-sample.js';

const first = (count: number, seed: number) => JSON.stringify([...generateScamWorld({ reports: count, seed })]);

describe('synthetic scam world', () => {
  it('is the same world for the same seed and another for another seed', () => {
    expect(first(2_000, 42)).toBe(first(2_000, 42));
    expect(first(200, 42)).not.toBe(first(200, 43));
  });

  it('makes reports the API accepts, whose every indicator is in the ground truth with the right campaign', () => {
    const { items, truth } = validatedSample(3_000, 5);
    for (const { valid, campaign, report } of items) {
      for (const key of indicatorKeys(valid.indicators, 'CALLBACK')) {
        const line = truth.get(key);
        expect(line, `${key} in ${report.text}`).toBeDefined();
        if (!line?.official && !line?.hub) expect(line?.campaign, key).toBe(campaign);
      }
      // Caller IDs are spoofed official numbers, never the scam's own.
      for (const key of indicatorKeys(valid.indicators, 'CALLER_ID').filter((k) => k.startsWith('phone '))) {
        expect(truth.get(key)?.official, key).toBeDefined();
      }
      expect(valid.indicators.phones.size + valid.indicators.urls.size).toBeGreaterThan(0);
    }
  });

  it('finds in each report every indicator the truth says it introduced', () => {
    const { items } = validatedSample(3_000, 6);
    for (const { valid, truth, report } of items) {
      const found = new Set(indicatorKeys(valid.indicators, 'CALLBACK'));
      const introduced = truth.filter((line) => line.type === 'indicator' && !line.official && !line.hub);
      for (const line of introduced)
        if (line.type === 'indicator') expect(found, `${line.key} in ${report.text}`).toContain(`${line.indicator} ${line.key}`);
    }
  });

  it('writes callback numbers libphonenumber holds valid, of every kind a scam uses', () => {
    const { truth } = validatedSample(5_000, 7);
    const phones = [...truth.values()].filter((line) => line.indicator === 'phone' && line.campaign !== null);
    const kinds = new Set(
      phones.map(({ key }) => {
        const phone = normalisePhoneNumber(key);
        if (!phone.ok) throw new Error(`${key}: ${phone.message}`);
        return phone.value.country === 'AU' ? `AU ${phone.value.numberType}` : 'overseas';
      }),
    );
    expect([...kinds].sort()).toEqual(['AU FIXED_LINE', 'AU MOBILE', 'AU SHARED_COST', 'AU TOLL_FREE', 'AU VOIP', 'overseas']);
  });

  it('gives every lure a number or a link, so later reports can link back to it', () => {
    for (const lure of LURES) expect(lure.text, lure.text).toMatch(/\{callback\}|\{url\}/);
  });

  it('keeps memory flat: it holds running campaigns, not the reports it made', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfter = (count: number, world: Generator) => {
      for (let i = 0; i < count; i++) world.next();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const world = generateScamWorld({ reports: 1_000_000, seed: 9 });
    const early = heapAfter(10_000, world);
    const late = heapAfter(50_000, world);
    // A report and its truth take about 1 KB: holding the 40,000 made between the two would add about 40 MB.
    expect(late - early).toBeLessThan(8 * 2 ** 20);
  }, 60_000);
});
