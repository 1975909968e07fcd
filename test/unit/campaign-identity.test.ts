import { describe, expect, it } from 'vitest';
import { planIdentities, type Overlap } from '../../src/campaigns/campaign-identity.js';

const ids = () => {
  let next = 0;
  return () => `new-${++next}`;
};
const enoughReports = (overlaps: Overlap[]) => [...new Set(overlaps.map((row) => row.label))].map((label) => ({ label, reports: 5 }));
const plan = (overlaps: Overlap[], earlier: { id: string; size: number }[]) =>
  planIdentities(overlaps, enoughReports(overlaps), earlier, ids());

describe('stable campaign identities', () => {
  it('gives a first run new ids and nothing retired', () => {
    const result = plan([{ label: 'a', campaignId: null, members: 3 }], []);
    expect(result).toEqual({ campaigns: [{ label: 'a', id: 'new-1', created: true, splitFrom: null }], retired: [] });
  });

  it('keeps the id of a campaign that keeps most of its members, however much it grew', () => {
    const result = plan(
      [
        { label: 'a', campaignId: 'c1', members: 3 },
        { label: 'a', campaignId: null, members: 40 },
      ],
      [{ id: 'c1', size: 4 }],
    );
    expect(result.campaigns).toEqual([{ label: 'a', id: 'c1', created: false, splitFrom: null }]);
  });

  it('merges: the larger share keeps its id, the other is recorded as merged into it', () => {
    const result = plan(
      [
        { label: 'a', campaignId: 'c1', members: 2 },
        { label: 'a', campaignId: 'c2', members: 5 },
      ],
      [
        { id: 'c1', size: 2 },
        { id: 'c2', size: 5 },
      ],
    );
    expect(result.campaigns).toEqual([{ label: 'a', id: 'c2', created: false, splitFrom: null }]);
    expect(result.retired).toEqual([{ id: 'c1', status: 'MERGED', mergedInto: 'c2' }]);
  });

  it('splits off a minority as a new campaign that says where it came from', () => {
    const result = plan(
      [
        { label: 'a', campaignId: 'c1', members: 4 },
        { label: 'b', campaignId: 'c1', members: 2 },
      ],
      [{ id: 'c1', size: 6 }],
    );
    expect(result.campaigns).toEqual([
      { label: 'a', id: 'c1', created: false, splitFrom: null },
      { label: 'b', id: 'new-1', created: true, splitFrom: 'c1' },
    ]);
    expect(result.retired).toEqual([]);
  });

  it('retires a campaign split in halves, both halves new', () => {
    const result = plan(
      [
        { label: 'a', campaignId: 'c1', members: 2 },
        { label: 'b', campaignId: 'c1', members: 2 },
      ],
      [{ id: 'c1', size: 4 }],
    );
    expect(result.campaigns.map(({ id, splitFrom }) => [id, splitFrom])).toEqual([
      ['new-1', 'c1'],
      ['new-2', 'c1'],
    ]);
    expect(result.retired).toEqual([{ id: 'c1', status: 'SPLIT', mergedInto: null }]);
  });

  it('dissolves a campaign whose members are in no campaign any more', () => {
    expect(plan([], [{ id: 'c1', size: 2 }]).retired).toEqual([{ id: 'c1', status: 'DISSOLVED', mergedInto: null }]);
  });

  it('makes no campaign of one indicator, nor of one report', () => {
    const overlaps = [
      { label: 'lonely', campaignId: null, members: 1 },
      { label: 'one-report', campaignId: null, members: 3 },
    ];
    const reports = [
      { label: 'lonely', reports: 4 },
      { label: 'one-report', reports: 1 },
    ];
    expect(planIdentities(overlaps, reports, [], ids()).campaigns).toEqual([]);
  });
});
