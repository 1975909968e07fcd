import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosine, mergeCommunities, type Community, type Tie } from '../../src/campaigns/community-merge.js';

const shares = { strongest: 0.1, mutual: 0.2, storyReports: 2, storySimilarity: 0.9 };

describe('mergeCommunities (after either engine labelled)', () => {
  it('keeps two dense communities apart when a bridge is a small share of both', () => {
    const communities = [
      { label: 'a', evidence: 40 },
      { label: 'b', evidence: 50 },
    ];
    expect(mergeCommunities(communities, [{ a: 'a', b: 'b', weight: 1 }], shares)).toEqual({});
  });

  it('puts a leaf tied to two operations with the one it is tied to most, and glues nothing', () => {
    const communities = [
      { label: 'a', evidence: 40 },
      { label: 'b', evidence: 50 },
      { label: 'leaf', evidence: 1.7 },
    ];
    const ties = [
      { a: 'a', b: 'leaf', weight: 1.1 },
      { a: 'b', b: 'leaf', weight: 0.6 },
    ];
    expect(mergeCommunities(communities, ties, shares)).toEqual({ leaf: 'a' });
  });

  it('holds a sparse operation together: each tie a fair share of both ends', () => {
    const communities = ['p1', 'd1', 'p2'].map((label) => ({ label, evidence: 2 }));
    const ties = [
      { a: 'p1', b: 'd1', weight: 0.5 },
      { a: 'd1', b: 'p2', weight: 0.5 },
    ];
    expect(mergeCommunities(communities, ties, shares)).toEqual({ p1: 'd1', p2: 'd1' });
  });

  it('names each joined group by its smallest label, whatever the order of the rows', () => {
    const communities = [
      { label: 'z', evidence: 1 },
      { label: 'm', evidence: 1 },
      { label: 'c', evidence: 1 },
    ];
    const ties = [
      { a: 'z', b: 'm', weight: 1 },
      { a: 'm', b: 'c', weight: 1 },
    ];
    const forward = mergeCommunities(communities, ties, shares);
    expect(forward).toEqual({ z: 'c', m: 'c' });
    expect(mergeCommunities([...communities].reverse(), [...ties].reverse(), shares)).toEqual(forward);
  });

  describe('the story rule (the eras of one long operation)', () => {
    const microsoft = { 'TECH_SUPPORT|microsoft': 300 };
    const era = (label: string, profile: Record<string, number>) => ({ label, evidence: 800, profile });
    const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `r${from + i}`);

    it("joins two dense eras telling one story, tied by a few reports that are one side's strongest tie", () => {
      const communities = [era('old', microsoft), era('new', { 'TECH_SUPPORT|microsoft': 120 })];
      expect(mergeCommunities(communities, [{ a: 'new', b: 'old', weight: 5, reportIds: ids(4) }], shares)).toEqual({ old: 'new' });
    });

    it('keeps the same tie apart when the stories differ: a bridge between a Microsoft and an ATO operation', () => {
      const communities = [era('ms', microsoft), era('ato', { 'GOVERNMENT|ato': 200, 'TECH_SUPPORT|microsoft': 3 })];
      expect(mergeCommunities(communities, [{ a: 'ato', b: 'ms', weight: 5, reportIds: ids(4) }], shares)).toEqual({});
    });

    it('keeps a one-report tie apart however alike the stories', () => {
      const communities = [era('a', microsoft), era('b', microsoft)];
      expect(mergeCommunities(communities, [{ a: 'a', b: 'b', weight: 5, reportIds: ids(1) }], shares)).toEqual({});
    });

    it("keeps a same-story tie apart when it is neither side's strongest", () => {
      const communities = [era('a', microsoft), era('b', microsoft), era('x', { 'DELIVERY|dhl': 9 }), era('y', { 'DELIVERY|dhl': 9 })];
      const ties = [
        { a: 'a', b: 'b', weight: 2, reportIds: ids(2) },
        { a: 'a', b: 'x', weight: 9, reportIds: ids(1) },
        { a: 'b', b: 'y', weight: 9, reportIds: ids(1) },
      ];
      expect(mergeCommunities(communities, ties, shares)).toEqual({});
    });

    it('keeps a same-story tie apart when it is the strongest of one side only (two concurrent operations, one story)', () => {
      const communities = [era('small', microsoft), era('big', microsoft), era('other', { 'DELIVERY|dhl': 90 })];
      const ties = [
        { a: 'big', b: 'small', weight: 3, reportIds: ids(3) },
        { a: 'big', b: 'other', weight: 9, reportIds: ids(2, 10) },
      ];
      expect(mergeCommunities(communities, ties, shares)).toEqual({});
    });

    it('counts a report naming three communities once when two of them have joined', () => {
      // x1 and x2 join on the mutual rule; the one report naming all three must not become two.
      const communities = [era('x1', microsoft), era('x2', microsoft), era('y', microsoft)];
      const ties = [
        { a: 'x1', b: 'x2', weight: 400, reportIds: ids(5) },
        { a: 'x1', b: 'y', weight: 3, reportIds: ['r9'] },
        { a: 'x2', b: 'y', weight: 3, reportIds: ['r9'] },
      ];
      expect(mergeCommunities(communities, ties, shares)).toEqual({ x2: 'x1' });
      const twoReports = ties.map((tie) => (tie.b === 'y' && tie.a === 'x2' ? { ...tie, reportIds: ['r8'] } : tie));
      expect(mergeCommunities(communities, twoReports, shares)).toEqual({ x2: 'x1', y: 'x1' });
    });

    it('reads a community with no story (no scam type, no brand) as like nothing', () => {
      expect(cosine({}, microsoft)).toBe(0);
      expect(mergeCommunities([era('a', {}), era('b', {})], [{ a: 'a', b: 'b', weight: 5, reportIds: ids(9) }], shares)).toEqual({});
    });
  });

  it('answers the same groups whatever the order of the rows, and joins no two communities with nothing in common', () => {
    const story = fc.constantFrom('TECH_SUPPORT|microsoft', 'DELIVERY|dhl', 'GOVERNMENT|ato');
    const world = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 12 }).chain((ids) =>
      fc.record({
        communities: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              label: fc.constant(`c${id}`),
              evidence: fc.double({ min: 0.5, max: 2000, noNaN: true }),
              profile: fc.dictionary(story, fc.integer({ min: 1, max: 500 }), { maxKeys: 2 }),
            }),
          ),
        ),
        ties: fc.uniqueArray(
          fc.record({
            pair: fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)).filter(([a, b]) => a < b),
            weight: fc.double({ min: 0, max: 50, noNaN: true }),
            reportIds: fc.uniqueArray(fc.constantFrom('r1', 'r2', 'r3', 'r4'), { maxLength: 4 }),
          }),
          { selector: (tie) => tie.pair.join(), maxLength: 30 },
        ),
      }),
    );
    fc.assert(
      fc.property(world, ({ communities, ties }) => {
        const edges: Tie[] = ties.map(({ pair: [a, b], weight, reportIds }) => ({ a: `c${a}`, b: `c${b}`, weight, reportIds }));
        const groups: Community[] = communities;
        const forward = mergeCommunities(groups, edges, shares);
        expect(mergeCommunities([...groups].reverse(), [...edges].reverse(), shares)).toEqual(forward);
        // Every joined community is tied to something: nothing joins across an absent tie.
        const tied = new Set(edges.flatMap(({ a, b }) => [a, b]));
        for (const label of Object.keys(forward)) expect(tied.has(label)).toBe(true);
      }),
    );
  });
});
