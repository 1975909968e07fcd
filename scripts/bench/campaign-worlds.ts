import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { CampaignDetector } from '../../src/campaigns/campaign-detector.js';
import { COMMUNITY_SHARES } from '../../src/campaigns/detection-parameters.js';
import type { GraphExecutor } from '../../src/graph/executor.js';
import { runBenchCypher } from './bench-cypher.js';
import { campaignQuality, reachableCampaigns, readPlantedCampaigns, type CampaignQuality } from './campaign-quality.js';
import { ingest, type IngestTarget } from './ingest-paths.js';
import { worldFile } from './world-file.js';

export interface WorldFigure extends CampaignQuality {
  /** Share of reports that also name another operation's number or link. */
  readonly bridgeShare: number;
  readonly engine: string;
  readonly seconds: number;
  /** Milliseconds per detection step (DetectionRun.steps). */
  readonly steps: Readonly<Record<string, number>>;
  /** Adjusted Rand index of this engine's campaigns against the GDS engine's (null for GDS itself). */
  readonly agreementWithGds: number | null;
  /** The same campaigns scored against the planted operations cut where no report connects them (reachableCampaigns). */
  readonly reachable: CampaignQuality;
  /** ... and against them cut where no chain of core ties (two reports or more, COMMUNITY_SHARES.coreReports) connects them. */
  readonly coreReachable: CampaignQuality;
}

export interface WorldsSetup {
  readonly reports: number;
  readonly seed: number;
  readonly bridgeShares: readonly number[];
  readonly workDir: string;
  readonly graph: GraphExecutor;
  readonly driver: Driver;
  readonly target: IngestTarget;
  readonly hubDegree: number;
  /** Empties the graph and registers the brands, as the ingest phase does. */
  readonly emptyGraph: () => Promise<void>;
  readonly log: (line: string) => void;
  /** The graph already holds the (one) world asked for: detect again without reloading it (tuning). */
  readonly reuseGraph?: boolean;
}

/**
 * Detection quality on messy worlds (issue 15): for each bridge share, a world as `scamgraph generate`
 * makes it by default (recycled numbers, shared platforms, victims' caller IDs) with that share of
 * bridge reports, loaded by the driver into an empty graph, then each engine from no campaigns,
 * scored against the planted operations and against each other. Leaves the last world in the graph.
 */
export async function measureWorlds(setup: WorldsSetup): Promise<WorldFigure[]> {
  const figures: WorldFigure[] = [];
  for (const bridgeShare of setup.bridgeShares) {
    const base = join(setup.workDir, `messy-${setup.reports}-seed${setup.seed}-bridges${bridgeShare}`);
    const { reportFile, truthFile } = await worldFile(base, {
      reports: setup.reports,
      seed: setup.seed,
      options: ['--bridges', String(bridgeShare)],
    });
    if (!setup.reuseGraph) {
      await setup.emptyGraph();
      await ingest('driver', setup.target, { file: reportFile, from: 0, to: setup.reports });
    }
    const planted = await readPlantedCampaigns(truthFile);
    const reports = await runBenchCypher(setup.driver, 'report-indicators');
    const named = reports.map((row) => row['indicators'] as string[]);
    const reachable = reachableCampaigns(planted, named);
    const coreReachable = reachableCampaigns(planted, named, COMMUNITY_SHARES.coreReports);
    let gdsFound: Map<string, string> | null = null;
    for (const engine of ['gds', 'cypher'] as const) {
      await runBenchCypher(setup.driver, 'delete-campaigns');
      const detector = new CampaignDetector(setup.graph, { engine, hubDegree: setup.hubDegree, splitSize: 0, lockWaitMs: 0 });
      const run = await detector.detect();
      const found = new Map(
        (await runBenchCypher(setup.driver, 'campaign-membership')).map((row) => [row['indicator'] as string, row['campaign'] as string]),
      );
      const quality = campaignQuality(planted, found);
      const ofReachable = campaignQuality(reachable, found);
      const ofCore = campaignQuality(coreReachable, found);
      const agreement = gdsFound
        ? campaignQuality(new Map([...planted.keys()].map((key) => [key, gdsFound?.get(key) ?? null])), found).adjustedRandIndex
        : null;
      if (engine === 'gds') gdsFound = found;
      setup.log(
        `bridges ${bridgeShare}, ${engine}: ${(run.tookMs / 1000).toFixed(1)} s, ARI ${quality.adjustedRandIndex.toFixed(4)}, ` +
          `precision ${quality.pairwisePrecision.toFixed(4)}, recall ${quality.pairwiseRecall.toFixed(4)}${agreement === null ? '' : `, agreement with gds ${agreement.toFixed(4)}`}, ` +
          `against the reachable truth (${ofReachable.plantedCampaigns} parts of ${quality.plantedCampaigns} operations) ARI ${ofReachable.adjustedRandIndex.toFixed(4)} ` +
          `recall ${ofReachable.pairwiseRecall.toFixed(4)}, against the core-reachable truth (${ofCore.plantedCampaigns} parts) ARI ` +
          `${ofCore.adjustedRandIndex.toFixed(4)} recall ${ofCore.pairwiseRecall.toFixed(4)} ${JSON.stringify(run.steps)}`,
      );
      figures.push({
        bridgeShare,
        engine: run.engine,
        seconds: Number((run.tookMs / 1000).toFixed(1)),
        steps: run.steps,
        agreementWithGds: agreement,
        reachable: ofReachable,
        coreReachable: ofCore,
        ...quality,
      });
    }
  }
  return figures;
}
