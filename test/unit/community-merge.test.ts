import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosine, overlap, sameScript, scripts, separation } from '../../src/campaigns/community-activity.js';
import { mergeCommunities, type Community, type Tie } from '../../src/campaigns/community-merge.js';

// Activity below is numbered in whole months (700, 701...) for reading ease, so eras compare period by
// period (eraDays 1) and one period's silence (silenceDays 1) still reads as a hand-over.
const shares = {
  strongest: 0.1,
  mutual: 0.2,
  storyReports: 2,
  storySimilarity: 0.9,
  storyLean: 0.6,
  eraOverlap: 0.5,
  eraDays: 1,
  eraSequence: 0.85,
  silenceDays: 1,
  loneShare: 0.3,
  scriptReports: 5,
  scriptSimilarity: 0.5,
  scriptJoin: 0.8,
  scriptFew: 2,
  scriptSame: 0.9,
  scriptSameReports: 40,
  storyTie: 0.02,
};

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

  it('joins a group held by reports of its own to a busy operation of its story on two reports, not on one misfiled report nor two of another story; a leaf that report made joins', () => {
    const mygov = { 'GOVERNMENT|mygov': 40 };
    const communities = (busyStory: Record<string, number>) => [
      { label: 'busy', evidence: 1_000, profile: busyStory },
      { label: 'group', evidence: 29, profile: mygov },
      { label: 'leaf', evidence: 1.1, profile: mygov },
    ];
    // The strongest tie of the group, 3.2: 11% of its evidence, enough on two reports of its story only.
    const tie = (reportIds: string[]): Tie[] => [
      { a: 'busy', b: 'group', weight: 3.2, reportIds },
      { a: 'busy', b: 'leaf', weight: 0.6, reportIds: ['r1'] },
    ];
    expect(mergeCommunities(communities(mygov), tie(['r1']), shares)).toEqual({ leaf: 'busy' });
    expect(mergeCommunities(communities(mygov), tie(['r1', 'r2']), shares)).toEqual({ leaf: 'busy', group: 'busy' });
    expect(mergeCommunities(communities({ 'OTHER|service-nsw': 40 }), tie(['r1', 'r2']), shares)).toEqual({ leaf: 'busy' });
  });

  it("puts a crew's one-day number with its crew, not with the operation a misfiled report lent it to", () => {
    // As the million-report world had them: the number's few reports (one of them the misfiled one) tell
    // the crew's story but not at `storySimilarity`, and the misfiled report named five of the other
    // operation's indicators (a tie of 2 against the crew's 0.5).
    const communities = (numberStory: Record<string, number>) => [
      { label: 'westpac', evidence: 82, profile: { 'BANK_IMPERSONATION|westpac': 10, 'BANK_IMPERSONATION|st-george': 8 } },
      { label: 'crew', evidence: 4.2, profile: { 'SUBSCRIPTION_REFUND|netflix': 5, 'SUBSCRIPTION_REFUND|amazon': 1 } },
      { label: 'number', evidence: 5, profile: numberStory },
    ];
    const ties = [
      { a: 'number', b: 'westpac', weight: 2, reportIds: ['misfiled'] },
      { a: 'crew', b: 'number', weight: 0.5, reportIds: ['r1'] },
    ];
    const crews = { 'BANK_IMPERSONATION|st-george': 1, 'SUBSCRIPTION_REFUND|netflix': 2, 'SUBSCRIPTION_REFUND|amazon': 1 };
    expect(mergeCommunities(communities(crews), ties, shares)).toEqual({ number: 'crew' });
    // Hardly alike its crew (a cosine under 0.6), it joins the strongest tie (each group under its smallest label).
    const lent = { 'BANK_IMPERSONATION|st-george': 3, 'SUBSCRIPTION_REFUND|netflix': 1 };
    expect(mergeCommunities(communities(lent), ties, shares)).toEqual({ westpac: 'number' });
  });

  it("joins a crew's small part whose reports lean to the crew's story when it sends the crew's script, and not when it sends another", () => {
    // Misfiled and brandless reports among its thirty-five: a cosine of 0.87 with its crew, under `storySimilarity`.
    const communities = (partScript: Record<string, number>) => [
      { label: 'crew', evidence: 850, profile: { 'SUBSCRIPTION_REFUND|amazon': 100 }, scripts: { refund: 100 } },
      { label: 'other', evidence: 700, profile: { 'DELIVERY|auspost': 50 }, scripts: { parcel: 50 } },
      {
        label: 'part',
        evidence: 23.4,
        profile: { 'SUBSCRIPTION_REFUND|amazon': 20, '|amazon': 10, 'DELIVERY|auspost': 5 },
        scripts: partScript,
      },
    ];
    const ties = [
      { a: 'crew', b: 'part', weight: 3.6, reportIds: ['r1', 'r2'] },
      { a: 'other', b: 'part', weight: 2.8, reportIds: ['r3'] },
    ];
    expect(mergeCommunities(communities({ refund: 6 }), ties, shares)).toEqual({ part: 'crew' });
    expect(mergeCommunities(communities({ another: 6 }), ties, shares)).toEqual({});
  });

  it("keeps two sparse operations apart when a bridge is a fair share of both but their scripts are two crews'", () => {
    // Each held by reports of its own (five), so the one report naming both is not enough for rule (1).
    const sparse = (label: string, scripts: Record<string, number>) => ({
      label,
      evidence: 4,
      profile: { 'DELIVERY|auspost': 5 },
      scripts,
    });
    const tie = [{ a: 'a', b: 'b', weight: 1, reportIds: ['r1'] }];
    expect(mergeCommunities([sparse('a', { crewA: 5 }), sparse('b', { crewB: 5 })], tie, shares)).toEqual({});
    expect(mergeCommunities([sparse('a', { crewA: 5 }), sparse('b', { crewA: 2, crewB: 3 })], tie, shares)).toEqual({ b: 'a' });
    expect(mergeCommunities([sparse('a', {}), sparse('b', { crewB: 5 })], tie, shares)).toEqual({ b: 'a' });
  });

  it('lets a leaf join one way a round: two leaves tied to each other, each joining another operation, do not make the two operations one', () => {
    const communities = [
      { label: 'A', evidence: 100, profile: { 'TECH_SUPPORT|telstra': 60 } },
      { label: 'B', evidence: 100, profile: { 'SUBSCRIPTION_REFUND|apple': 60 } },
      { label: 'l1', evidence: 2, profile: { 'TECH_SUPPORT|telstra': 1 } },
      { label: 'l2', evidence: 2, profile: { 'SUBSCRIPTION_REFUND|apple': 1 } },
    ];
    const ties = [
      { a: 'A', b: 'l1', weight: 1.5, reportIds: ['r1'] },
      { a: 'B', b: 'l2', weight: 1.5, reportIds: ['r2'] },
      // A fair share of both leaves: the mutual rule would join them in the round they join A and B.
      { a: 'l1', b: 'l2', weight: 1, reportIds: ['r3'] },
    ];
    expect(mergeCommunities(communities, ties, shares)).toEqual({ l1: 'A', l2: 'B' });
  });

  it("joins a small group to the busy part of its crew on one report when they send one script, not a crew's of another script", () => {
    const telstra = { 'TECH_SUPPORT|telstra': 30 };
    const months = { 700: 50 };
    const busy = {
      label: 'busy',
      evidence: 1_000,
      profile: { 'TECH_SUPPORT|telstra': 900 },
      periods: months,
      scripts: { crewA: 800, plain: 60 },
    };
    // Another operation of the story beside it, tied more strongly than the group, so busy and the group are not
    // each other's strongest tie of the story (rule 5 does not join them), and nothing joins busy and it.
    const beside = { label: 'beside', evidence: 800, profile: { 'TECH_SUPPORT|telstra': 700 }, periods: months };
    const group = (scripts: Record<string, number>) => ({ label: 'group', evidence: 9, profile: telstra, periods: months, scripts });
    const ties = [
      { a: 'busy', b: 'group', weight: 1, reportIds: ['r1'] },
      { a: 'beside', b: 'busy', weight: 3, reportIds: ['r2'] },
    ];
    expect(mergeCommunities([busy, beside, group({ crewA: 25, plain: 2 })], ties, shares)).toEqual({ group: 'busy' });
    expect(mergeCommunities([busy, beside, group({ crewB: 25, plain: 2 })], ties, shares)).toEqual({});
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
    // Reports per 30-day period: by default every community runs in the same months (concurrent).
    const together = { 700: 40, 701: 60 };
    const era = (label: string, profile: Record<string, number>, periods: Record<number, number> = together) => ({
      label,
      evidence: 800,
      profile,
      periods,
    });
    const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `r${from + i}`);

    it("joins two dense eras telling one story, tied by a few reports that are one side's strongest tie", () => {
      const communities = [era('old', microsoft), era('new', { 'TECH_SUPPORT|microsoft': 120 })];
      expect(mergeCommunities(communities, [{ a: 'new', b: 'old', weight: 5, reportIds: ids(4) }], shares)).toEqual({ old: 'new' });
    });

    it('keeps the same tie apart when the stories differ: a bridge between a Microsoft and an ATO operation', () => {
      const communities = [era('ms', microsoft), era('ato', { 'GOVERNMENT|ato': 200, 'TECH_SUPPORT|microsoft': 3 })];
      expect(mergeCommunities(communities, [{ a: 'ato', b: 'ms', weight: 5, reportIds: ids(4) }], shares)).toEqual({});
    });

    it('keeps a one-report tie apart however alike the stories, when both ran in the same months', () => {
      const communities = [era('a', microsoft), era('b', microsoft)];
      expect(mergeCommunities(communities, [{ a: 'a', b: 'b', weight: 5, reportIds: ids(1) }], shares)).toEqual({});
    });

    it("joins eras that followed one another on one report naming both, each the other's strongest tie of that story", () => {
      // The old era's months end as the new one's begin; a bridge to a DHL operation is stronger than the hand-over.
      const communities = [
        era('old', microsoft, { 700: 50, 701: 40, 702: 3 }),
        era('new', microsoft, { 702: 30, 703: 60 }),
        era('dhl', { 'DELIVERY|dhl': 90 }),
      ];
      const ties = [
        { a: 'new', b: 'old', weight: 1, reportIds: ids(1) },
        { a: 'dhl', b: 'new', weight: 4, reportIds: ids(1, 10) },
      ];
      expect(mergeCommunities(communities, ties, shares)).toEqual({ old: 'new' });
      // The same tie between two operations running side by side: a bridge, kept apart.
      const concurrent = [era('old', microsoft), era('new', microsoft), communities[2] as Community];
      expect(mergeCommunities(concurrent, ties, shares)).toEqual({});
      // And between two operations months apart, tied by a number reassigned after a silence: not eras.
      const silence = [
        era('old', microsoft, { 700: 50, 701: 40 }),
        era('new', microsoft, { 704: 30, 705: 60 }),
        communities[2] as Community,
      ];
      expect(mergeCommunities(silence, ties, shares)).toEqual({});
      // Nor on the story rule, however many reports name both (the old operation's reports naming the number).
      const only = [{ a: 'new', b: 'old', weight: 5, reportIds: ids(3) }];
      expect(mergeCommunities(silence, only, shares)).toEqual({});
      expect(mergeCommunities(communities, only, shares)).toEqual({ old: 'new' });
    });

    it('joins a chain of eras a few days long, all in one month, and keeps an operation of that story running beside them apart', () => {
      // Counted in days now: an operation rotating everything every two days, and another of the same story
      // reporting on each of those days, tied to its middle era by one misfiled report.
      const inDays = { ...shares, eraDays: 30, silenceDays: 60 };
      const communities = [
        era('e1', microsoft, { 20_000: 30, 20_001: 30 }),
        era('e2', microsoft, { 20_002: 30, 20_003: 30 }),
        era('e3', microsoft, { 20_004: 30, 20_005: 30 }),
        era('x', microsoft, { 20_000: 10, 20_001: 10, 20_002: 10, 20_003: 10, 20_004: 10, 20_005: 10 }),
      ];
      const ties = [
        { a: 'e1', b: 'e2', weight: 1, reportIds: ids(1) },
        { a: 'e2', b: 'e3', weight: 1, reportIds: ids(1, 5) },
        { a: 'e2', b: 'x', weight: 0.8, reportIds: ids(1, 9) },
      ];
      expect(mergeCommunities(communities, ties, inDays)).toEqual({ e2: 'e1', e3: 'e1' });
      // Counted in months alone, the eras overlap whole and none joins.
      expect(mergeCommunities(communities, ties, { ...inDays, eraSequence: 1.1 })).toEqual({});
    });

    it("joins each of two concurrent operations of one story by its eras when their messages are two crews' scripts, though the bridge between them is the stronger tie", () => {
      const inDays = { ...shares, eraDays: 30, silenceDays: 60 };
      const sent = (community: Community, scripts: Record<string, number>): Community => ({ ...community, scripts });
      const [early, late] = [
        { 20_000: 30, 20_001: 30 },
        { 20_002: 30, 20_003: 30 },
      ];
      const alike = [era('a1', microsoft, early), era('a2', microsoft, late), era('b1', microsoft, early), era('b2', microsoft, late)];
      // Each crew's reports mostly carry its own script; a few carry the kit's plain text, which both send.
      const scripted = [
        sent(alike[0] as Community, { crewA: 50, plain: 6 }),
        sent(alike[1] as Community, { crewA: 52, plain: 5 }),
        sent(alike[2] as Community, { crewB: 49, plain: 7 }),
        sent(alike[3] as Community, { crewB: 51, plain: 4 }),
      ];
      const ties = [
        { a: 'a1', b: 'a2', weight: 1, reportIds: ids(1) },
        { a: 'b1', b: 'b2', weight: 1, reportIds: ids(1, 5) },
        { a: 'a1', b: 'b1', weight: 3, reportIds: ids(2, 10) },
        { a: 'a2', b: 'b2', weight: 3, reportIds: ids(2, 20) },
      ];
      expect(mergeCommunities(scripted, ties, inDays)).toEqual({ a2: 'a1', b2: 'b1' });
      // Telling only the story, the four look alike: two reports naming both crews' infrastructure are the
      // strongest tie of each side, and the two operations become one. So they do when both send one kit's script.
      const one = { a2: 'a1', b1: 'a1', b2: 'a1' };
      expect(mergeCommunities(alike, ties, inDays)).toEqual(one);
      expect(
        mergeCommunities(
          scripted.map((community) => sent(community, { kit: 50 })),
          ties,
          inDays,
        ),
      ).toEqual(one);
    });

    it("joins two eras of one crew's script on one report naming both, though each is tied more strongly to another operation of its story", () => {
      // A busy crew at a million reports: misfiled reports tie each era to an operation running beside it more
      // than the hand-over ties the eras (so neither is the other's strongest tie of the story, and rule 5 fails).
      // Once e1 and e2 are one, x shares half its months with them: eraOverlap below a half keeps it out of the era rule.
      const inDays = { ...shares, eraDays: 30, silenceDays: 60, eraOverlap: 0.3 };
      const sent = (community: Community, scripts: Record<string, number>): Community => ({ ...community, scripts });
      const [early, late] = [
        { 20_000: 30, 20_001: 30 },
        { 20_030: 30, 20_031: 30 },
      ];
      const world = (one: Record<string, number>, other: Record<string, number>) => [
        sent(era('e1', microsoft, early), one),
        sent(era('e2', microsoft, late), other),
        era('x', microsoft, early),
        era('y', microsoft, late),
      ];
      const ties = [
        { a: 'e1', b: 'e2', weight: 1, reportIds: ids(1) },
        { a: 'e1', b: 'x', weight: 4, reportIds: ids(1, 10) },
        { a: 'e2', b: 'y', weight: 4, reportIds: ids(1, 20) },
      ];
      expect(mergeCommunities(world({ crewA: 60, plain: 4 }, { crewA: 58, plain: 3 }), ties, inDays)).toEqual({ e2: 'e1' });
      // Two crews' scripts, or one script on too few reports to be a hand: apart.
      expect(mergeCommunities(world({ crewA: 60, plain: 4 }, { crewB: 58, plain: 3 }), ties, inDays)).toEqual({});
      expect(mergeCommunities(world({ crewA: 30, plain: 4 }, { crewA: 28, plain: 3 }), ties, inDays)).toEqual({});
      // Nor across a silence: a number reassigned months later to a crew that bought the kit.
      const later = world({ crewA: 60, plain: 4 }, { crewA: 58, plain: 3 }).map((community) =>
        ['e2', 'y'].includes(community.label) ? { ...community, periods: { 20_200: 60 } } : community,
      );
      expect(mergeCommunities(later, ties, inDays)).toEqual({});
    });

    it("joins a crew that rewrote its script when the tie is a fair share of the quieter side's evidence, each the other's strongest; a bridge's share does not", () => {
      const sent = (community: Community, scripts: Record<string, number>): Community => ({ ...community, scripts });
      const before = sent(era('before', microsoft), { first: 90 });
      const after = sent({ ...era('after', microsoft), evidence: 300 }, { rewritten: 60 });
      const tie = (weight: number) => [{ a: 'after', b: 'before', weight, reportIds: ids(5) }];
      // 6 of the quieter side's 300: 2%, each the other's strongest.
      expect(mergeCommunities([before, after], tie(6), shares)).toEqual({ before: 'after' });
      // 3 of 300: two crews of one story tied by misfiled reports, their scripts apart; so is 2% on two reports.
      expect(mergeCommunities([before, after], tie(3), shares)).toEqual({});
      expect(mergeCommunities([before, after], [{ a: 'after', b: 'before', weight: 6, reportIds: ids(2) }], shares)).toEqual({});
      // Two stories: apart however strong, on this rule.
      const ato = { ...after, profile: { 'GOVERNMENT|ato': 300 } };
      expect(mergeCommunities([before, ato], tie(6), shares)).toEqual({});
    });

    it("lets a group join its strongest tie on the story its reports tell, whatever its messages' templates", () => {
      // A crew's call-centre numbers, named in victims' accounts of calls, read unlike the texts its busy part sends.
      const busy = { ...era('busy', microsoft), scripts: { texts: 900 } };
      const calls = {
        label: 'calls',
        evidence: 150,
        profile: { 'TECH_SUPPORT|microsoft': 280 },
        periods: together,
        scripts: { accountOfCall: 200 },
      };
      const ties = [{ a: 'busy', b: 'calls', weight: 20, reportIds: ids(5) }];
      expect(mergeCommunities([busy, calls], ties, { ...shares, storyTie: 1 })).toEqual({ calls: 'busy' });
      expect(mergeCommunities([busy, { ...calls, profile: { 'GOVERNMENT|ato': 280 } }], ties, { ...shares, storyTie: 1 })).toEqual({});
    });

    it('reads too few reports of recurring templates as saying nothing about the crew, and a template of one report as none', () => {
      const recurs = (template: string) => template !== 'victims-own-words';
      const crewA = scripts({ crewA: 50, plain: 6 }, recurs);
      expect(sameScript(crewA, scripts({ crewB: 49 }, recurs), 5, 0.5)).toBe(false);
      expect(sameScript(crewA, scripts({ crewB: 4 }, recurs), 5, 0.5)).toBe(true);
      expect(sameScript(crewA, scripts({ 'victims-own-words': 40 }, recurs), 5, 0.5)).toBe(true);
      expect(sameScript(crewA, scripts({ crewA: 9, crewB: 4 }, recurs), 5, 0.5)).toBe(true);
    });

    it('measures how far one community comes before the other: 1 in sequence, 0.5 side by side or one inside the other', () => {
      expect(separation({ 1: 10 }, { 2: 5 })).toBe(1);
      expect(separation({ 2: 5 }, { 1: 10 })).toBe(1);
      expect(separation({ 1: 10 }, { 1: 5 })).toBe(0.5);
      expect(separation({ 1: 5, 3: 5 }, { 2: 10 })).toBe(0.5);
      // A shared day counts half: (3 x 4 + 1 x 0.5 + 1 x 3) of 16 pairs.
      expect(separation({ 1: 3, 2: 1 }, { 2: 1, 3: 3 })).toBeCloseTo(15.5 / 16);
      expect(separation({}, { 2: 10 })).toBe(0.5);
      const days = fc.dictionary(fc.integer({ min: 0, max: 60 }).map(String), fc.integer({ min: 1, max: 20 }), { minKeys: 1, maxKeys: 8 });
      fc.assert(
        fc.property(days, days, (x, y) => {
          const [one, other] = [separation(x, y), separation(y, x)];
          expect(one).toBeCloseTo(other);
          expect(one).toBeGreaterThanOrEqual(0.5);
          expect(one).toBeLessThanOrEqual(1);
        }),
      );
    });

    it('keeps eras apart when another era of the story is the stronger tie: each joins its own neighbour in time', () => {
      const communities = [
        era('first', microsoft, { 700: 50 }),
        era('second', microsoft, { 701: 50 }),
        era('third', microsoft, { 702: 50 }),
      ];
      const ties = [
        { a: 'first', b: 'second', weight: 2, reportIds: ids(1) },
        { a: 'second', b: 'third', weight: 1, reportIds: ids(1, 5) },
      ];
      // first-second are each other's strongest; third's strongest is second, but second's is first: the next round joins them.
      expect(mergeCommunities(communities, ties, shares)).toEqual({ second: 'first', third: 'first' });
    });

    it("measures overlap in time as the shared share of each side's reports per period", () => {
      expect(overlap({ 1: 10 }, { 1: 5 }, 1)).toBe(1);
      expect(overlap({ 1: 10 }, { 2: 5 }, 1)).toBe(0);
      expect(overlap({ 1: 5, 2: 5 }, { 2: 10 }, 1)).toBeCloseTo(0.5);
      // Counted per week, days 0-6 are one period: two communities active that week overlap whole.
      expect(overlap({ 1: 10 }, { 2: 5 }, 7)).toBe(1);
      expect(overlap({ 1: 10 }, { 8: 5 }, 7)).toBe(0);
      // No dated report: taken as running all along, so never an era apart.
      expect(overlap({}, { 2: 10 }, 1)).toBe(1);
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

  it('answers the same groups whatever the order of the rows or the names the engine gave, changes none of its input, and joins no two communities with nothing in common', () => {
    const story = fc.constantFrom('TECH_SUPPORT|microsoft', 'DELIVERY|dhl', 'GOVERNMENT|ato');
    const world = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 12 }).chain((ids) =>
      fc.record({
        communities: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              label: fc.constant(`c${id}`),
              evidence: fc.double({ min: 0.5, max: 2000, noNaN: true }),
              profile: fc.dictionary(story, fc.integer({ min: 1, max: 500 }), { maxKeys: 2 }),
              periods: fc.dictionary(fc.constantFrom('700', '701', '702'), fc.integer({ min: 1, max: 50 }), { maxKeys: 3 }),
              scripts: fc.dictionary(fc.constantFrom('kit', 'crewA', 'crewB'), fc.integer({ min: 1, max: 50 }), { maxKeys: 2 }),
            }),
          ),
        ),
        ties: fc.uniqueArray(
          fc.record({
            pair: fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)).filter(([a, b]) => a < b),
            // Equal weights are common (a report counts 1, 0.6, ...): ties between ties must not be settled by label.
            weight: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(0.6, 1, 2, 5)),
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
        const [groupsBefore, edgesBefore] = [structuredClone(groups), structuredClone(edges)];
        const forward = mergeCommunities(groups, edges, shares);
        expect(mergeCommunities([...groups].reverse(), [...edges].reverse(), shares)).toEqual(forward);
        // The rounds sum joined groups in objects of their own: the caller's communities and ties are left as they came.
        expect([groups, edges]).toEqual([groupsBefore, edgesBefore]);
        // Every joined community is tied to something: nothing joins across an absent tie.
        const tied = new Set(edges.flatMap(({ a, b }) => [a, b]));
        for (const label of Object.keys(forward)) expect(tied.has(label)).toBe(true);
        // Named the other way round (c3 becomes n997), the same communities fall into the same groups.
        const rename = (label: string) => `n${1000 - Number(label.slice(1))}`;
        const renamed = mergeCommunities(
          groups.map((community) => ({ ...community, label: rename(community.label) })),
          edges.map((tie) => ({ ...tie, a: rename(tie.a), b: rename(tie.b) })),
          shares,
        );
        const partition = (labels: string[], changes: Record<string, string>) => {
          const groupOf = new Map<string, string[]>();
          labels.forEach((label, i) => groupOf.set(changes[label] ?? label, [...(groupOf.get(changes[label] ?? label) ?? []), String(i)]));
          return [...groupOf.values()].map((members) => members.join()).sort();
        };
        const labels = groups.map(({ label }) => label);
        expect(partition(labels.map(rename), renamed)).toEqual(partition(labels, forward));
      }),
    );
  });
});
