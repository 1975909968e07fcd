import { describe, expect, it } from 'vitest';
import { generateScamWorld, RECYCLE_QUIET_DAYS } from '../../src/synthetic/scam-world.js';
import type { TruthLine } from '../../src/synthetic/truth.js';

const messy = { reports: 20_000, seed: 4, bridgeShare: 0.03, recycledShare: 0.05, platformShare: 0.05, victimCallerIdShare: 0.1 };

describe('the messy synthetic world', () => {
  const items = [...generateScamWorld(messy)];
  const truth = items.flatMap((item) => item.truth);
  const reportLines = truth.filter((line): line is Extract<TruthLine, { type: 'report' }> => line.type === 'report');
  const campaigns = new Map(truth.flatMap((line) => (line.type === 'campaign' ? [[line.campaign, line] as const] : [])));

  it('plants bridges at about the share asked, each naming another operation', () => {
    const bridges = reportLines.filter((line) => line.bridges);
    expect(bridges.length / items.length).toBeGreaterThan(0.02);
    expect(bridges.length / items.length).toBeLessThan(0.035);
    for (const line of bridges) expect(line.bridges).not.toBe(line.campaign);
  });

  it('reassigns numbers only months after their first operation ended, and says so in the truth', () => {
    const recycled = truth.filter(
      (line): line is Extract<TruthLine, { type: 'indicator' }> => line.type === 'indicator' && !!line.recycledFrom,
    );
    expect(recycled.length).toBeGreaterThan(10);
    for (const line of recycled) {
      const [first, second] = [campaigns.get(line.recycledFrom!)!, campaigns.get(line.campaign!)!];
      expect(first.campaign).not.toBe(second.campaign);
      // It came back at least RECYCLE_QUIET_DAYS after the first ended, while the second still ran.
      expect(Date.parse(second.endsAt) - Date.parse(first.endsAt)).toBeGreaterThanOrEqual(RECYCLE_QUIET_DAYS * 86_400_000);
    }
  });

  it("shows victims' numbers as caller IDs shared by several operations, never as indicators of the truth", () => {
    const byCaller = new Map<string, Set<string | null>>();
    for (const { report, campaign } of items)
      for (const id of report.callerIds ?? []) byCaller.set(id, (byCaller.get(id) ?? new Set()).add(campaign));
    expect([...byCaller.values()].some((operations) => operations.size > 1)).toBe(true);
  });

  it('puts some operations on the same shared platform, the platform a hub in the truth', () => {
    const hubs = truth.filter((line) => line.type === 'indicator' && line.hub).map((line) => (line as { key: string }).key);
    expect(hubs).toEqual(expect.arrayContaining(['t.me', 'google.com']));
    const onPlatforms = items.filter(({ report }) => /https:\/\/(t\.me|sites\.google\.com)\//.test(report.text ?? ''));
    expect(new Set(onPlatforms.map((item) => item.campaign)).size).toBeGreaterThan(1);
  });
});
