import { describe, expect, it } from 'vitest';
import { campaignQuality } from '../../scripts/bench/campaign-quality.js';

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
