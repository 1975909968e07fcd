import { describe, expect, it } from 'vitest';
import { communityGraph, storiesAndReports, type CommunityLinksRow } from '../../src/campaigns/community-graph.js';

// The community graph as the merge step reads it: stories, and the months each community was active.
describe('communityGraph', () => {
  const row = (stories: CommunityLinksRow['stories']): CommunityLinksRow => ({
    evidence: [
      { label: 'era', evidence: 40 },
      { label: 'leaf', evidence: 2 },
    ],
    weights: [{ a: 'era', b: 'leaf', weight: 1 }],
    stories,
    reports: [{ a: 'era', b: 'leaf', reportIds: ['r1', 'r2'] }],
  });

  it('dates a community by its own reports, not by the ones it shares with another, and sums stories over both', () => {
    const { communities } = communityGraph(
      row([
        { label: 'era', story: 'TECH_SUPPORT|microsoft', period: 700, own: true, reports: 30 },
        { label: 'era', story: 'TECH_SUPPORT|microsoft', period: 703, own: false, reports: 2 },
        { label: 'leaf', story: 'TECH_SUPPORT|microsoft', period: 703, own: false, reports: 2 },
      ]),
    );
    const era = communities.find(({ label }) => label === 'era');
    expect(era?.periods).toEqual({ 700: 30 });
    expect(era?.profile).toEqual({ 'TECH_SUPPORT|microsoft': 32 });
    // A community named only beside another (every report shared) is dated by those reports.
    expect(communities.find(({ label }) => label === 'leaf')?.periods).toEqual({ 703: 2 });
  });

  it('joins ties and their reports on the pair of labels', () => {
    const { ties } = communityGraph(row([]));
    expect(ties).toEqual([{ a: 'era', b: 'leaf', weight: 1, reportIds: ['r1', 'r2'] }]);
  });

  it("unfolds the stories statement's rows: a story row's days into one entry each, a template row into its count, a pair row into its reports", () => {
    const unfolded = storiesAndReports([
      {
        label: 'era',
        other: null,
        story: 'TECH_SUPPORT|microsoft',
        template: null,
        reports: 32,
        days: [
          [700, true, 30],
          [703, false, 2],
        ],
        reportIds: [],
      },
      { label: 'era', other: 'leaf', story: null, template: null, reports: 2, days: [], reportIds: ['r1', 'r2'] },
      { label: 'era', other: null, story: null, template: 'Qx7', reports: 31, days: [], reportIds: [] },
      { label: 'leaf', other: null, story: 'TECH_SUPPORT|microsoft', template: null, reports: 1, days: [[null, null, 1]], reportIds: [] },
    ]);
    expect(unfolded).toEqual({
      stories: [
        { label: 'era', story: 'TECH_SUPPORT|microsoft', period: 700, own: true, reports: 30 },
        { label: 'era', story: 'TECH_SUPPORT|microsoft', period: 703, own: false, reports: 2 },
        { label: 'leaf', story: 'TECH_SUPPORT|microsoft', period: null, own: true, reports: 1 },
      ],
      reports: [{ a: 'era', b: 'leaf', reportIds: ['r1', 'r2'] }],
      templates: [{ label: 'era', template: 'Qx7', reports: 31 }],
    });
  });
});
