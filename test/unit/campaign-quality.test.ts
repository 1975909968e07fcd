import { describe, expect, it } from 'vitest';
import { campaignQuality, reachableCampaigns } from '../../scripts/bench/campaign-quality.js';

const planted = new Map<string, string | null>([
  ['phone:a', 'c1'],
  ['phone:b', 'c1'],
  ['url:c', 'c2'],
  ['domain:d', 'c2'],
  ['phone:noise', null],
]);

describe('campaignQuality (benchmark scoring)', () => {
  it('scores 1 when the found campaigns are the planted ones, whatever their ids', () => {
    const found = new Map([
      ['phone:a', 'x'],
      ['phone:b', 'x'],
      ['url:c', 'y'],
      ['domain:d', 'y'],
    ]);
    expect(campaignQuality(planted, found)).toEqual({
      adjustedRandIndex: 1,
      pairwisePrecision: 1,
      pairwiseRecall: 1,
      indicators: 5,
      plantedCampaigns: 2,
      foundCampaigns: 2,
    });
  });

  it('counts noise and unplaced indicators as singletons', () => {
    const found = new Map([
      ['phone:a', 'x'],
      ['phone:b', 'x'],
      ['url:c', 'y'],
      ['domain:d', 'y'],
      ['phone:noise', 'y'],
    ]);
    expect(campaignQuality(planted, found).adjustedRandIndex).toBeLessThan(1);
    expect(campaignQuality(planted, new Map()).adjustedRandIndex).toBe(0);
  });

  it('matches the adjusted Rand index worked by hand when two campaigns are merged', () => {
    // pairs: cells 2, rows 2, columns 6 of 10; expected 1.2; (2 - 1.2) / (4 - 1.2)
    const found = new Map([
      ['phone:a', 'x'],
      ['phone:b', 'x'],
      ['url:c', 'x'],
      ['domain:d', 'x'],
    ]);
    expect(campaignQuality(planted, found).adjustedRandIndex).toBeCloseTo(0.8 / 2.8, 10);
    // Of the 6 pairs put together, 2 are planted together; both planted pairs are found.
    expect(campaignQuality(planted, found)).toMatchObject({ pairwisePrecision: 2 / 6, pairwiseRecall: 1 });
  });
});

describe('reachableCampaigns (the planted truth cut where no report connects)', () => {
  const operations = new Map<string, string | null>([
    ['phone:a1', 'op-a'],
    ['phone:a2', 'op-a'],
    ['url:a3', 'op-a'],
    ['phone:a4', 'op-a'],
    ['phone:b1', 'op-b'],
    ['url:b2', 'op-b'],
    ['phone:noise', null],
  ]);
  const groups = (truth: ReadonlyMap<string, string | null>) => {
    const byLabel = new Map<string, string[]>();
    for (const [indicator, label] of truth) if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), indicator]);
    return [...byLabel.values()].map((members) => members.sort()).sort();
  };

  it('keeps an operation whole when a chain of its reports joins every part, and cuts it where none does', () => {
    const chained = reachableCampaigns(operations, [
      ['phone:a1', 'phone:a2'],
      ['phone:a2', 'url:a3'],
      ['url:a3', 'phone:a4'],
      ['phone:b1', 'url:b2'],
    ]);
    expect(groups(chained)).toEqual([
      ['phone:a1', 'phone:a2', 'phone:a4', 'url:a3'],
      ['phone:b1', 'url:b2'],
    ]);
    const eras = reachableCampaigns(operations, [
      ['phone:a1', 'phone:a2'],
      ['url:a3', 'phone:a4'],
      ['phone:b1', 'url:b2'],
    ]);
    expect(groups(eras)).toEqual([
      ['phone:a1', 'phone:a2'],
      ['phone:a4', 'url:a3'],
      ['phone:b1', 'url:b2'],
    ]);
    expect(chained.get('phone:noise')).toBeNull();
  });

  it('never joins two operations through a bridge report, nor an era through a bridge', () => {
    const truth = reachableCampaigns(operations, [
      ['phone:a1', 'phone:b1', 'phone:a2'],
      ['url:a3', 'url:b2', 'phone:a4'],
      ['phone:b1', 'url:b2'],
      ['phone:a2', 'phone:noise', 'phone:b1'],
    ]);
    expect(groups(truth)).toEqual([
      ['phone:a1', 'phone:a2'],
      ['phone:a4', 'url:a3'],
      ['phone:b1', 'url:b2'],
    ]);
  });

  it('gives the planted truth back, whatever the order of the reports, when every operation is connected', () => {
    const reports = [
      ['phone:a4', 'phone:a1'],
      ['phone:a2', 'url:a3'],
      ['phone:a1', 'url:a3'],
      ['url:b2', 'phone:b1'],
    ];
    for (const order of [reports, [...reports].reverse()])
      expect(
        campaignQuality(reachableCampaigns(operations, order), new Map([...operations].filter(([, c]) => c) as [string, string][]))
          .adjustedRandIndex,
      ).toBe(1);
  });
});

describe('reachableCampaigns with ties of two reports or more', () => {
  const operations = new Map<string, string | null>([
    ['phone:a1', 'op-a'],
    ['phone:a2', 'op-a'],
    ['url:a3', 'op-a'],
  ]);
  const parts = (truth: ReadonlyMap<string, string | null>) => new Set(truth.values()).size;

  it('joins two indicators only when two distinct reports name both, wherever else they appear', () => {
    const once = [
      ['phone:a1', 'phone:a2'],
      ['phone:a2', 'url:a3'],
    ];
    expect(parts(reachableCampaigns(operations, once, 1))).toBe(1);
    expect(parts(reachableCampaigns(operations, once, 2))).toBe(3);
    const twice = [...once, ['phone:a2', 'phone:a1', 'phone:a1']];
    const truth = reachableCampaigns(operations, twice, 2);
    expect(truth.get('phone:a1')).toBe(truth.get('phone:a2'));
    expect(truth.get('url:a3')).not.toBe(truth.get('phone:a1'));
  });
});
