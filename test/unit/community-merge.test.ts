import { describe, expect, it } from 'vitest';
import { mergeCommunities } from '../../src/campaigns/community-merge.js';

const shares = { strongest: 0.1, mutual: 0.2 };

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
});
