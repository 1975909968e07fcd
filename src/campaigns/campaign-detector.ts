import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { FollowUpStatement, GraphExecutor } from '../graph/executor.js';
import { fatesOf, planIdentities, type CampaignFate } from './campaign-identity.js';
import { COMMUNITY_EVIDENCE_ROW, COMMUNITY_STORY_ROW, COMMUNITY_WEIGHT_ROW, communityGraph, storiesAndReports } from './community-graph.js';
import { mergeCommunities, PERIOD_SECONDS, REPORT_SAMPLE } from './community-merge.js';
import { CypherLabeller } from './cypher-labeller.js';
import { COMMUNITY_SHARES, LINK_WEIGHTS } from './detection-parameters.js';
import { DetectionBusyError, DetectionEngineUnavailableError } from './detection-errors.js';
import { DetectionLock } from './detection-lock.js';
import { GdsLabeller } from './gds-labeller.js';
import type { EngineName, Labeller } from './labeller.js';

export interface DetectionSettings {
  /** auto: GDS where the server has it, pure Cypher otherwise. */
  readonly engine: 'auto' | EngineName;
  readonly hubDegree: number;
  readonly splitSize: number;
  /** How long an on-demand run waits for another process's run to finish. */
  readonly lockWaitMs: number;
}

export interface DetectionRun {
  readonly id: string;
  readonly engine: EngineName;
  /** When this run held the lock, to when it let go. */
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly tookMs: number;
  /** Active campaigns after the run, and what became of the earlier ones. */
  readonly campaignCount: number;
  readonly created: number;
  readonly kept: number;
  readonly merged: number;
  readonly split: number;
  readonly dissolved: number;
  /** Milliseconds per step, for logs and benchmarks. */
  readonly steps: Readonly<Record<string, number>>;
  /** Each step in the order it started (a step inside another, such as label.seed, after it), with what it read or wrote. */
  readonly timings: readonly StepTiming[];
}

/** One step of a run: its wall time, the rows it returned and, for a write, the changes it made. */
export interface StepTiming {
  readonly step: string;
  /** 0 for a step of the run, 1 for a step inside one (label.seed inside label.gds), and so on. */
  readonly depth: number;
  readonly ms: number;
  readonly rows?: number;
  readonly writes?: number;
}

/** campaigns/community-overlaps' one row: what campaign-identity.ts needs to give ids that last. */
const COMMUNITY_OVERLAPS_ROW = z.object({
  overlaps: z.array(z.object({ label: z.string(), campaignId: z.string().nullable(), members: z.number() })),
  reports: z.array(z.object({ label: z.string(), reports: z.number() })),
  campaigns: z.array(z.object({ id: z.string(), size: z.number() })),
});

/**
 * Full campaign detection, in the database: classify indicators, label communities (GDS or pure
 * Cypher), give them lasting ids, write membership and figures. Never two runs at once: a call
 * while this process runs shares that run; another process's run is waited for (DetectionLock).
 */
export class CampaignDetector {
  private readonly lock: DetectionLock;
  private running: Promise<DetectionRun> | null = null;

  constructor(
    private readonly graph: GraphExecutor,
    private readonly settings: DetectionSettings,
    private readonly onRun: (run: DetectionRun) => void = () => {},
    /** Each step as it finishes: a long run shows where it is and where its time goes. */
    private readonly onStep: (timing: StepTiming) => void = () => {},
    /** Written with the run's record of merges and splits, in its transaction (the watch alerts, src/monitoring). */
    private readonly withFates: (fates: CampaignFate[]) => FollowUpStatement | null = () => null,
  ) {
    this.lock = new DetectionLock(graph);
  }

  /** Runs now, or joins the run in progress here; throws DetectionBusyError when another process runs past lockWaitMs. */
  detect(): Promise<DetectionRun> {
    return this.shared(this.settings.lockWaitMs, null);
  }

  /**
   * Every `minutes`, a run unless one is in progress anywhere or one finished less than about
   * `minutes` ago in any process (so many API processes on one schedule run it once).
   * Returns the function that stops the schedule; the timer never keeps the process alive.
   */
  schedule(minutes: number, logger: Logger): () => void {
    const timer = setInterval(() => {
      if (this.running) return;
      this.shared(0, Math.floor(minutes * 60 * 0.9)).catch((error: unknown) => {
        if (!(error instanceof DetectionBusyError)) logger.error({ err: error }, 'scheduled campaign detection failed');
      });
    }, minutes * 60_000);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Resolves when no run of this process is in progress. */
  async idle(): Promise<void> {
    await this.running?.catch(() => {});
  }

  private shared(waitMs: number, minIdleSeconds: number | null): Promise<DetectionRun> {
    this.running ??= this.locked(waitMs, minIdleSeconds).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async locked(waitMs: number, minIdleSeconds: number | null): Promise<DetectionRun> {
    const runId = randomUUID();
    if (!(await this.lock.acquire(runId, waitMs, minIdleSeconds))) {
      throw new DetectionBusyError(`campaign detection is running in another process; waited ${Math.round(waitMs / 1000)} s`);
    }
    try {
      const run = await this.run(runId);
      this.onRun(run);
      return run;
    } finally {
      await this.lock.release(runId);
    }
  }

  private async run(runId: string): Promise<DetectionRun> {
    const startedAt = new Date();
    const steps: Record<string, number> = {};
    const timings: StepTiming[] = [];
    let depth = 0;
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      await this.lock.renew(runId);
      const at = timings.push({ step: name, depth, ms: 0 }) - 1;
      const started = performance.now();
      depth++;
      const result = await work().finally(() => depth--);
      steps[name] = Math.round(performance.now() - started);
      const timing = { step: name, depth: depth, ms: steps[name], ...counted(result) };
      timings[at] = timing;
      this.onStep(timing);
      return result;
    };

    const labeller = await this.labeller();
    const [officials] = await step('official-channels', () => this.graph.read('campaigns/official-channels'));
    await step('classify', () =>
      this.graph.autoCommitCounted('campaigns/classify-indicators', {
        hubDegree: this.settings.hubDegree,
        officialNumbers: officials?.['officialNumbers'] ?? [],
        officialDomains: officials?.['officialDomains'] ?? [],
      }),
    );
    await step('silences', () => this.graph.autoCommitCounted('campaigns/mark-silences', { silenceDays: LINK_WEIGHTS.silenceDays }));
    await step('links', async () => {
      await step('links.clear', () => this.graph.autoCommitCounted('campaigns/clear-links'));
      const { roles, sameDay, perSource, halfLifeDays } = LINK_WEIGHTS;
      await step('links.weigh', () => this.graph.autoCommitCounted('campaigns/weigh-links', { roles, sameDay, perSource, halfLifeDays }));
    });
    await step('evidence', () => this.graph.autoCommitCounted('campaigns/sum-evidence'));
    await step(`label.${labeller.engine}`, () => labeller.label(runId, step));
    await step('merge', async () => {
      // The three reads at once: the stories statement walks every report on one of Neo4j's threads, and
      // the other two run beside it (at a million reports 44.6 and 35.7 s against 51.0 and 37.9 one after
      // another, cold then warm; docs/performance.md).
      const row = await step('merge.read', async () => {
        const [evidence, weights, stories] = await Promise.all([
          this.graph.readAs('campaigns/community-evidence', COMMUNITY_EVIDENCE_ROW, { runId }),
          this.graph.readAs('campaigns/community-weights', COMMUNITY_WEIGHT_ROW, { runId }),
          this.graph.readAs('campaigns/community-stories', COMMUNITY_STORY_ROW, {
            runId,
            reportSample: REPORT_SAMPLE,
            periodSeconds: PERIOD_SECONDS,
          }),
        ]);
        return { evidence, weights, ...storiesAndReports(stories) };
      });
      const { communities, ties } = communityGraph(row);
      const labels = mergeCommunities(communities, ties, COMMUNITY_SHARES.merge);
      if (Object.keys(labels).length > 0)
        await step('merge.relabel', () => this.graph.autoCommitCounted('campaigns/relabel-communities', { runId, labels }));
    });
    const [found] = await step('overlaps', () => this.graph.readAs('campaigns/community-overlaps', COMMUNITY_OVERLAPS_ROW, { runId }));
    const plan = planIdentities(found?.overlaps ?? [], found?.reports ?? [], found?.campaigns ?? [], randomUUID);
    const record = {
      runId,
      at: startedAt.toISOString(),
      campaigns: plan.campaigns.map(({ id, splitFrom }) => ({ id, splitFrom })),
      retired: plan.retired,
    };
    // A run that merged or split nothing records as it always did: no second statement to plan or run.
    const also = this.withFates(fatesOf(plan, found?.overlaps ?? []));
    await step('record', () =>
      also
        ? this.graph.writeThen('campaigns/record-identities', record, () => also)
        : this.graph.write('campaigns/record-identities', record),
    );
    const campaignIds = Object.fromEntries(plan.campaigns.map(({ label, id }) => [label, id]));
    await step('assign-indicators', () => this.graph.autoCommitCounted('campaigns/assign-indicators', { runId, campaignIds }));
    await step('assign-reports', () => this.graph.autoCommitCounted('campaigns/assign-reports'));
    await step('attach-hubs', () => this.graph.autoCommitCounted('campaigns/attach-hubs'));
    await step('summarise', () => this.graph.autoCommitCounted('campaigns/summarise-campaigns', { runId }));

    const finishedAt = new Date();
    const retired = (status: string) => plan.retired.filter((campaign) => campaign.status === status).length;
    return {
      id: runId,
      engine: labeller.engine,
      startedAt,
      finishedAt,
      tookMs: finishedAt.getTime() - startedAt.getTime(),
      campaignCount: plan.campaigns.length,
      created: plan.campaigns.filter((campaign) => campaign.created).length,
      kept: plan.campaigns.filter((campaign) => !campaign.created).length,
      merged: retired('MERGED'),
      split: retired('SPLIT'),
      dissolved: retired('DISSOLVED'),
      steps,
      timings,
    };
  }

  private async labeller(): Promise<Labeller> {
    const wanted = this.settings.engine;
    if (wanted === 'cypher') return new CypherLabeller(this.graph);
    const [plugins] = await this.graph.read('reads/installed-plugins');
    const hasGds = ((plugins?.['procedures'] ?? []) as string[]).includes('gds.version');
    if (hasGds) return new GdsLabeller(this.graph);
    if (wanted === 'gds') {
      throw new DetectionEngineUnavailableError(
        'CAMPAIGN_ENGINE is gds, but the database has no Graph Data Science plugin (no gds.version)',
      );
    }
    return new CypherLabeller(this.graph);
  }
}

/** What a step's statement returned: rows (a read), or rows and changes (autoCommitCounted); nothing for a step of several. */
function counted(result: unknown): { rows?: number; writes?: number } {
  if (Array.isArray(result)) return { rows: result.length };
  if (result && typeof result === 'object' && 'writes' in result && 'rows' in result && Array.isArray(result.rows)) {
    return { rows: result.rows.length, writes: Number(result.writes) };
  }
  return {};
}
