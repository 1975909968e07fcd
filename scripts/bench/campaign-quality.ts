import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { TruthLine } from '../../src/synthetic/truth.js';

/** Planted campaign per indicator ("phone:+61...", keyed as campaign-membership.cypher keys it); null for noise. */
export type PlantedCampaigns = ReadonlyMap<string, string | null>;

/**
 * Reads the ground-truth JSONL that `scamgraph generate` writes. Official channels and hubs are
 * left out: by definition they belong to no campaign, so counting them would only flatter the score.
 */
export async function readPlantedCampaigns(truthPath: string): Promise<PlantedCampaigns> {
  const planted = new Map<string, string | null>();
  for await (const text of createInterface({ input: createReadStream(truthPath), crlfDelay: Infinity })) {
    const line = JSON.parse(text) as TruthLine;
    if (line.type === 'indicator' && !line.official && !line.hub) planted.set(`${line.indicator}:${line.key}`, line.campaign);
  }
  return planted;
}

/**
 * The planted operations cut where the reports do not connect their parts: what any method working
 * from the reports could find. An operation that rotated every number and site, with no report naming
 * an old one beside a new one, is one operation in the planted truth but several here; an analyst with
 * the reports alone would see several too. Two indicators of one operation are connected when a chain
 * of ties joins them, each tie two of that operation's indicators named together by `minReports`
 * distinct reports or more (1: any report; 2: what detection calls a core link, which a lone bridge
 * never makes). A report naming two operations (a bridge) connects neither to the other. Noise stays noise.
 */
export function reachableCampaigns(planted: PlantedCampaigns, reports: Iterable<readonly string[]>, minReports = 1): PlantedCampaigns {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let at = key;
    while (parent.has(at) && parent.get(at) !== at) at = parent.get(at)!;
    if (at !== key) parent.set(key, at); // halves the next walk
    return at;
  };
  const ties = new Map<string, number>(); // "a\u0000b" -> reports naming both, a < b, one operation
  for (const indicators of reports) {
    const ofOperations = [...new Set(indicators)].filter((indicator) => planted.get(indicator)).sort();
    for (let i = 0; i < ofOperations.length; i++)
      for (let j = i + 1; j < ofOperations.length; j++) {
        const [a, b] = [ofOperations[i]!, ofOperations[j]!];
        if (planted.get(a) !== planted.get(b)) continue;
        const key = `${a}\u0000${b}`;
        const reportsBehind = (ties.get(key) ?? 0) + 1;
        ties.set(key, reportsBehind);
        if (reportsBehind !== minReports) continue;
        const [x, y] = [root(a), root(b)];
        if (x !== y) parent.set(y, x);
      }
  }
  return new Map([...planted].map(([indicator, campaign]) => [indicator, campaign === null ? null : `${campaign} ${root(indicator)}`]));
}

export interface CampaignQuality {
  /** 1: the found campaigns are the planted ones; about 0: no better than chance. */
  readonly adjustedRandIndex: number;
  /** Of the pairs of indicators put in one campaign, the share that are one planted operation. */
  readonly pairwisePrecision: number;
  /** Of the pairs of indicators of one planted operation, the share put in one campaign. */
  readonly pairwiseRecall: number;
  readonly indicators: number;
  /** Planted campaigns with two or more indicators: the ones detection can find. */
  readonly plantedCampaigns: number;
  readonly foundCampaigns: number;
}

/**
 * Adjusted Rand index (Hubert and Arabie) of the found campaigns against the planted ones, over
 * every planted indicator: noise and indicators outside any found campaign count as singletons.
 */
export function campaignQuality(planted: PlantedCampaigns, found: ReadonlyMap<string, string>): CampaignQuality {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const [indicator, campaign] of planted) {
    const truth = campaign ?? `noise ${indicator}`;
    const guess = found.get(indicator) ?? `alone ${indicator}`;
    bump(rows, truth);
    bump(columns, guess);
    bump(cells, `${truth}\u0000${guess}`);
  }
  const sum = (map: Map<string, number>) => [...map.values()].reduce((total, n) => total + pairs(n), 0);
  const [index, rowPairs, columnPairs, all] = [sum(cells), sum(rows), sum(columns), pairs(planted.size)];
  const expected = all > 0 ? (rowPairs * columnPairs) / all : 0;
  const best = (rowPairs + columnPairs) / 2;
  return {
    adjustedRandIndex: best === expected ? 1 : (index - expected) / (best - expected),
    pairwisePrecision: columnPairs > 0 ? index / columnPairs : 1,
    pairwiseRecall: rowPairs > 0 ? index / rowPairs : 1,
    indicators: planted.size,
    plantedCampaigns: [...rows].filter(([key, n]) => !key.startsWith('noise ') && n >= 2).length,
    foundCampaigns: new Set(found.values()).size,
  };
}
