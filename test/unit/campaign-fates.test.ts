import { describe, expect, it } from 'vitest';
import { fatesOf, planIdentities, type Overlap } from '../../src/campaigns/campaign-identity.js';

// What watches on a campaign are told about a run (src/monitoring/change-alerts.ts): merges and splits only.
const fates = (overlaps: Overlap[], earlier: { id: string; size: number }[]) => {
  let next = 0;
  const reports = [...new Set(overlaps.map((row) => row.label))].map((label) => ({ label, reports: 5 }));
  return fatesOf(
    planIdentities(overlaps, reports, earlier, () => `new-${++next}`),
    overlaps,
  );
};

describe('campaign fates', () => {
  it('tells a merge with the campaign it merged into, and nothing of the campaign that kept its id', () => {
    const overlaps = [
      { label: 'a', campaignId: 'c1', members: 2 },
      { label: 'a', campaignId: 'c2', members: 5 },
    ];
    expect(
      fates(overlaps, [
        { id: 'c1', size: 2 },
        { id: 'c2', size: 5 },
      ]),
    ).toEqual([{ id: 'c1', status: 'MERGED', into: ['c2'] }]);
  });

  it('tells a split with every campaign its members went to, most first, and a kept campaign a new one split from', () => {
    const scattered = [
      { label: 'a', campaignId: 'c1', members: 2 },
      { label: 'b', campaignId: 'c1', members: 3 },
    ];
    expect(fates(scattered, [{ id: 'c1', size: 6 }])).toEqual([{ id: 'c1', status: 'SPLIT', into: ['new-2', 'new-1'] }]);
    const splitOff = [
      { label: 'a', campaignId: 'c1', members: 4 },
      { label: 'b', campaignId: 'c1', members: 2 },
    ];
    expect(fates(splitOff, [{ id: 'c1', size: 6 }])).toEqual([{ id: 'c1', status: 'SPLIT', into: ['c1', 'new-1'] }]);
  });

  it('tells nothing of a campaign kept whole or dissolved', () => {
    expect(
      fates(
        [{ label: 'a', campaignId: 'c1', members: 4 }],
        [
          { id: 'c1', size: 4 },
          { id: 'c2', size: 3 },
        ],
      ),
    ).toEqual([]);
  });
});
