import { describe, expect, it } from 'vitest';
import { messageTemplate } from '../../src/ingest/normalise/message-template.js';
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

describe("crews' scripts in the synthetic world", () => {
  const scripted = { reports: 20_000, seed: 4, scriptedShare: 0.85, kitShare: 0.2, rewriteShare: 0.15 };
  const items = [...generateScamWorld(scripted)];
  /** Each operation's reports per template (of reports with one), and each template's operations. */
  const byOperation = new Map<string, Map<string, number>>();
  const operationsOf = new Map<string, Set<string>>();
  for (const { report, campaign } of items) {
    const template = messageTemplate(report.text);
    if (!campaign || !template) continue;
    const counts = byOperation.get(campaign) ?? new Map<string, number>();
    byOperation.set(campaign, counts.set(template, (counts.get(template) ?? 0) + 1));
    operationsOf.set(template, (operationsOf.get(template) ?? new Set()).add(campaign));
  }
  const busy = [...byOperation.values()].filter((counts) => [...counts.values()].reduce((sum, n) => sum + n, 0) >= 100);

  it("sends most of an operation's messages from a few templates: its script per channel, a rewrite, a line added now and then", () => {
    expect(busy.length).toBeGreaterThan(20);
    const inTopSix = busy.map((counts) => {
      const sorted = [...counts.values()].sort((a, b) => b - a);
      return sorted.slice(0, 6).reduce((sum, n) => sum + n, 0) / sorted.reduce((sum, n) => sum + n, 0);
    });
    // An operation impersonating several brands names a different one from message to message: more templates.
    for (const share of inTopSix) expect(share).toBeGreaterThan(0.35);
    expect(inTopSix.sort()[Math.floor(inTopSix.length / 2)]).toBeGreaterThan(0.7);
  });

  it('gives most operations a script of their own, and lets some share one (a kit sold on)', () => {
    const main = [...byOperation.entries()].map(
      ([campaign, counts]) => [campaign, [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]] as const,
    );
    const shared = main.filter(
      ([, template]) =>
        (operationsOf.get(template ?? '')?.size ?? 0) > 1 &&
        [...byOperation.values()].filter((counts) => (counts.get(template ?? '') ?? 0) >= 10).length > 1,
    );
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length / main.length).toBeLessThan(0.5);
  });

  it('leaves the world without scripts as it was: the same reports for the same seed', () => {
    const plain = [...generateScamWorld({ reports: 500, seed: 4 })].map(({ report }) => report.text);
    const scriptsOff = [...generateScamWorld({ reports: 500, seed: 4, kitShare: 0.2, rewriteShare: 0.15 })].map(
      ({ report }) => report.text,
    );
    expect(scriptsOff).toEqual(plain);
  });
});
