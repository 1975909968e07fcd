// The benchmark suite (issue 4, with issue 5's queries): one synthetic world, four ingest paths,
// the five analyst queries beside @neo4j/graphql, both campaign engines against the planted truth,
// peak memory; written to bench/results/<time>.json and .md, and bench/results/latest.md.
//   npm run bench                       100,000 reports, every path writes them all
//   npm run bench -- --reports 1000000  bulk by the driver, the other paths on --sample reports each
//   npm run bench -- --quick            10,000 reports, fewer requests: a smoke test
//   npm run bench -- --only queries     some phases (extraction, ingest, queries, flood, detection, join, alerts, explorer, quality) on the graph kept
//                                       from the last run of that size, loaded by the driver if it is not there
//   npm run bench -- --only quality --reports 20000 --bridges 0,0.01,0.03
//                                       campaign quality on messy worlds, one per bridge share (replaces the graph;
//                                       --keep-world with one share detects again on the world the last run left)
//   npm run bench -- --quick --only alerts
//                                       alert latency to a webhook and a subscription with 1,000 watches, and ingest beside none
//                                       (--alert-reports, 5,000 with --quick, else 20,000, of a world of the next seed; adds them to the graph)
//   npm run bench -- --quick --only explorer
//                                       search to drawn in Chromium for a 500-report hub and a campaign of about 2,000
//                                       indicators, 5 times each (--explorer-runs); seeds them through the API and detects campaigns
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CampaignDetector } from '../../src/campaigns/campaign-detector.js';
import { loadConfig } from '../../src/config/config.js';
import { projectRoot } from '../../src/config/project-root.js';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { createDriver } from '../../src/graph/driver.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { readVersions, startLocalNeo4j } from '../neo4j/runtime.js';
import { ANALYST_QUERIES, SERVER_FLOOR_QUERY } from './analyst-queries.js';
import { runBenchCypher } from './bench-cypher.js';
import { campaignQuality, readPlantedCampaigns } from './campaign-quality.js';
import { extractionSpeed } from './extraction-speed.js';
import { floodMarkdown, floodScenario, type FloodResult } from './flood-scenario.js';
import { alertLatency, alertLatencyMarkdown, type AlertLatencyResult } from './alert-latency.js';
import { explorerLatency, explorerLatencyMarkdown, type ExplorerLatencyResult } from './explorer-latency.js';
import { measureWorlds, type WorldFigure } from './campaign-worlds.js';
import { emptyGraph as emptyBenchGraph } from './empty-graph.js';
import { ingest, type IngestFigure, type IngestPathName, type IngestTarget } from './ingest-paths.js';
import { cpuSeconds, jitCpuSeconds, since } from './process-cpu.js';
import { incrementalJoin, type JoinFigure } from './incremental-join.js';
import { MemorySampler } from './memory-sampler.js';
import { keysWithSameAnswers, measureLatency, sampleKeys, type QueryLatency } from './query-latency.js';
import type { ReportRange } from './report-file.js';
import { detectionStepsMarkdown, type DetectionSteps } from './detection-steps.js';
import { resultsMarkdown, type BenchResult, type DetectionFigure } from './results-markdown.js';
import { buildServers, startServerProcess } from './server-process.js';
import { freePort } from '../neo4j/free-port.js';
import { worldFile } from './world-file.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    sample: { type: 'string' },
    requests: { type: 'string' },
    keys: { type: 'string', default: '200' },
    only: { type: 'string', default: 'extraction,ingest,queries,flood,detection,join,alerts,explorer,quality' },
    'explorer-runs': { type: 'string', default: '5' },
    'alert-reports': { type: 'string' },
    bridges: { type: 'string', default: '0,0.01,0.03' },
    // Quality with one bridge share: the graph still holds that world from the run before, so detect again without reloading it.
    'keep-world': { type: 'boolean', default: false },
  },
});
const PHASES = ['extraction', 'ingest', 'queries', 'flood', 'detection', 'join', 'alerts', 'explorer', 'quality'] as const;
const bridgeShares = values.bridges.split(',').map(Number);
if (bridgeShares.some((share) => !(share >= 0 && share <= 1)))
  throw new Error(`--bridges takes shares between 0 and 1, got ${values.bridges}`);
if (values['keep-world'] && bridgeShares.length !== 1)
  throw new Error('--keep-world goes with one --bridges share: the graph holds one world');
const only = new Set(values.only.split(','));
for (const phase of only) {
  if (!(PHASES as readonly string[]).includes(phase)) throw new Error(`--only takes ${PHASES.join(', ')}; got ${phase}`);
}
const reports = Number(values.reports ?? (values.quick ? 10_000 : 100_000));
const seed = Number(values.seed);
// Up to 200,000 reports every path writes them all; past that, the bulk goes in once by the fastest path.
const sample = values.sample !== undefined ? Number(values.sample) : reports > 200_000 ? 20_000 : null;
/**
 * Reports each ingest path writes untimed before any is timed (half the world at most): Neo4j's JIT took
 * 20,000 to 30,000 reports to settle (ingest's statements from a service, alternating on one server: 3.1,
 * then 0.6, then 0.3 s of Neo4j CPU per 1,000 reports in rounds of 10,000).
 */
const WARM_UP_REPORTS = 10_000;
/** Warm-up rounds go on until the JIT compilers use less than this share of Neo4j's CPU over one, at most this many. */
const WARM_JIT_SHARE = 0.1;
const WARM_UP_ROUNDS_MAX = 3;
const requests = Number(values.requests ?? (values.quick ? 200 : 1_000));
const alertReports = Number(values['alert-reports'] ?? (values.quick ? 5_000 : 20_000));
for (const [name, value] of Object.entries({
  reports,
  seed,
  requests,
  keys: Number(values.keys),
  sample: sample ?? 1,
  'alert-reports': alertReports,
  'explorer-runs': Number(values['explorer-runs']),
})) {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a whole number >= 1, got ${String(value)}`);
}
if (sample !== null && sample * 3 >= reports)
  throw new Error(`--sample ${sample} leaves no bulk: three samples must be fewer than ${reports} reports`);

const log = (line: string) => process.stderr.write(`${line}\n`);
const root = projectRoot();
const work = join(root, '.cache', 'bench');
mkdirSync(work, { recursive: true });
const startedAt = new Date();
const loadAtStart = os.loadavg();

// (1) The world: generated once per size and seed (the same seed writes the same files), then reused.
async function world(size: number, worldSeed: number): Promise<{ reportFile: string; truthFile: string }> {
  const base = join(work, `synthetic-${size}-seed${worldSeed}`);
  // The clean world (nothing shared between operations): the ingest, query and detection figures stay comparable across runs.
  const clean = ['--bridges', '0', '--recycled', '0', '--platform-links', '0', '--victim-caller-ids', '0', '--scripted', '0'];
  return worldFile(base, {
    reports: size,
    seed: worldSeed,
    options: clean,
    announce: () => log(`generating ${size.toLocaleString('en-AU')} reports`),
  });
}
// The phases that run on the clean graph (ingest writes it): only they read the clean world, so a run of
// quality or explorer alone does not write a million reports it never loads.
const needsCleanGraph = ['queries', 'flood', 'detection', 'join', 'alerts'].some((phase) => only.has(phase));
const onCleanWorld = only.has('ingest') || needsCleanGraph;
const { reportFile, truthFile } = onCleanWorld ? await world(reports, seed) : { reportFile: '', truthFile: '' };

// (2) Our own Neo4j on a free port (its data kept when ingest is not measured), and the API in a
//     process of its own, as deployed, with a key of its own and no rate limit to speak of.
buildServers();
const heap = '4g';
const pageCache = '2g';
// (0) Extraction speed first, on a quiet machine: no database is running yet.
const extraction = only.has('extraction') ? await extractionSpeed(root) : [];
if (extraction.length > 0) log('extraction speed measured');
const neo4j = await startLocalNeo4j({
  port: await freePort(),
  home: join(root, '.neo4j', `bench-${reports}`),
  wipeData: only.has('ingest'),
  heap,
  pageCache,
  log,
  // On a machine shared with other work Neo4j has taken three minutes to start.
  timeoutMs: 600_000,
});
const stops: (() => Promise<void>)[] = [() => neo4j.stop()];
try {
  const apiKey = randomBytes(24).toString('base64url');
  // The bench is one client asking as fast as it can: no per-key limit may refuse it (the flood phase runs a server with the limits as deployed).
  // Nor may a deadline: on a machine shared with other work a batch can take longer than a request's 30 s.
  const unlimited = {
    RATE_LIMIT_PER_MINUTE: '100000000',
    COST_BUDGET_PER_MINUTE: '1000000000',
    MAX_IN_FLIGHT_PER_KEY: '100000',
    REQUEST_DEADLINE_MS: '600000',
  };
  // The alerts phase's webhook receiver listens on 127.0.0.1, which a deployment refuses unless allowed.
  const deployed = {
    ...process.env,
    NEO4J_URI: neo4j.uri,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SCAMGRAPH_ADMIN_KEY: apiKey,
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  };
  const env = { ...deployed, ...unlimited };
  const config = loadConfig(env);
  const service = await startServerProcess('scripts/start.js', env);
  stops.unshift(() => service.stop());
  const driver = createDriver({ uri: neo4j.uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });
  stops.unshift(() => driver.close());
  const graph = new GraphExecutor(driver, loadCypherRegistry(), config.NEO4J_DATABASE);
  const heapSample = async () => {
    const [row] = await runBenchCypher(driver, 'heap-used');
    return { inUse: Number(row?.['inUse']), oldGeneration: Number(row?.['oldGeneration']) };
  };
  const memory = new MemorySampler({ api: service.pid, neo4j: neo4j.pid }, 'start-up', heapSample);
  const target: IngestTarget = {
    graph,
    driver,
    apiUrl: service.url,
    apiKey,
    neo4jUri: neo4j.uri,
    workDir: work,
    textExcerptMax: config.TEXT_EXCERPT_MAX,
    apiPid: service.pid,
    neo4jPid: neo4j.pid,
  };

  // (3) Ingest: a clean graph with the brands registered, as a deployment would have them.
  const emptyGraph = () => emptyBenchGraph(graph);
  const ingestFigures: IngestFigure[] = [];
  const measure = async (path: IngestPathName, range: ReportRange) => {
    memory.phase(`ingest: ${path}`);
    const result = await ingest(path, target, range);
    log(`ingest ${path}: ${result.reportsPerSecond} reports/s (${result.reports} reports in ${result.seconds} s)`);
    ingestFigures.push(result);
  };
  const all = { file: reportFile, from: 0, to: reports };
  if (!only.has('ingest')) {
    const [inGraph] = needsCleanGraph ? await runBenchCypher(driver, 'report-count') : [{ reports }];
    if (Number(inGraph?.['reports']) !== reports) {
      log(`the kept graph holds ${String(inGraph?.['reports'])} reports, not ${reports}: loading them by the driver`);
      await emptyGraph();
      await ingest('batch', target, all);
    }
  } else if (sample === null) {
    const paths = ['api', 'api4', 'import', 'naive', 'floor', 'driver', 'batch'] as const;
    // Every path once, untimed, on a slice: the first path timed on a JVM just started paid its JIT for all the
    // others (the API, first, at 3.1 s of Neo4j CPU per 1,000 reports cold against 0.3 to 0.9 warm). Not the
    // naive path: its statement is the driver path's, warmed there, and 10,000 transactions of one report took 30 s.
    // Rounds until the JVM's JIT compilers are nearly quiet: with --quick (5,000 reports a path) one round left them
    // compiling through the first timed paths (2.8 s of C2 over the API's 10,000 reports against 1.2 over the import's).
    const warmUp = { ...all, to: Math.min(WARM_UP_REPORTS, Math.floor(reports / 2)) };
    for (let round = 1; ; round++) {
      const [jvm, jit] = [since(() => cpuSeconds(neo4j.pid)), since(() => jitCpuSeconds(neo4j.pid))];
      for (const path of paths.filter((each) => each !== 'naive')) {
        await emptyGraph();
        await ingest(path, target, warmUp);
      }
      const share = jit() / Math.max(jvm(), 0.01);
      log(
        `ingest: warm-up round ${round}, every path on ${warmUp.to.toLocaleString('en-AU')} reports: JIT ${(share * 100).toFixed(0)}% of Neo4j's CPU`,
      );
      if (share < WARM_JIT_SHARE || round === WARM_UP_ROUNDS_MAX) break;
    }
    // The driver paths go last: the graph ingest's statements leave is the one the queries and detection run on.
    for (const path of paths) {
      await emptyGraph();
      await measure(path, all);
    }
  } else {
    await emptyGraph();
    const bulk = reports - 3 * sample;
    await measure('driver', { ...all, to: Math.floor(bulk / 2) });
    await measure('batch', { ...all, from: Math.floor(bulk / 2), to: bulk });
    const third = Math.floor(sample / 3);
    await measure('api', { ...all, from: bulk, to: bulk + third });
    await measure('api4', { ...all, from: bulk + third, to: bulk + 2 * third });
    await measure('floor', { ...all, from: bulk + 2 * third, to: bulk + sample });
    await measure('import', { ...all, from: bulk + sample, to: bulk + 2 * sample });
    await measure('naive', { ...all, from: bulk + 2 * sample });
  }

  // (4b) The flood: the analyst queries quiet and under one key's flood, on a server with the limits as deployed.
  let flood: FloodResult | null = null;
  if (only.has('flood')) {
    memory.phase('flood');
    const limited = await startServerProcess('scripts/start.js', deployed);
    try {
      // Its own start-up warm-up (the explorer's statements planned) must not land in the quiet run.
      if (!(await limited.warmedUp(120_000))) log('flood: the server did not say its warm-up ended within 120 s; measuring anyway');
      const pids = { api: limited.pid, neo4j: neo4j.pid, ...(limited.lanePid === null ? {} : { lane: limited.lanePid }) };
      flood = await floodScenario(limited.url, apiKey, { requests: Math.min(requests, 250), connections: 8, warmUp: 500, pids });
      log(`flood: analyst p99 ${flood.quiet.p99} ms quiet, ${flood.flooded.p99} ms under the flood`);
    } finally {
      await limited.stop();
    }
  }

  // (4) The five queries: both servers checked equal on every key of every query, then timed taking turns;
  //     the servers' floor first, so each figure can be read as floor plus database work.
  const queries: QueryLatency[] = [];
  if (only.has('queries')) {
    memory.phase('queries');
    const peer = await startServerProcess('scripts/bench/peer-server.js', env);
    stops.unshift(() => peer.stop());
    memory.watch('peer', peer.pid);
    const ours = { url: service.url, headers: { authorization: `Bearer ${apiKey}` } };
    const theirs = { url: peer.url, headers: {} };
    const keys = await sampleKeys(driver, seed, Number(values.keys));
    const checked = [];
    for (const query of [SERVER_FLOOR_QUERY, ...ANALYST_QUERIES]) {
      const sampled = keys[query.key];
      const same = await keysWithSameAnswers(query, sampled, ours, theirs);
      log(`${query.name}: both servers answer alike on ${same.length} of ${sampled.length} keys`);
      checked.push({ query, same, sampled: sampled.length });
    }
    for (const { query, same, sampled } of checked) {
      const latency = await measureLatency(query, same, sampled, requests, ours, theirs);
      log(
        `${query.name}: p50 ${latency.ours.p50} / ${latency.peer.p50} ms, p99 ${latency.ours.p99} / ${latency.peer.p99} ms (scamgraph / @neo4j/graphql)`,
      );
      queries.push(latency);
    }
  }

  // (5) Campaign detection per engine, each from no campaigns, scored against the planted truth.
  const planted = only.has('detection') ? await readPlantedCampaigns(truthFile) : new Map<string, string | null>();
  const detection: DetectionFigure[] = [];
  const detectionSteps: DetectionSteps[] = [];
  for (const engine of only.has('detection') ? (['gds', 'cypher'] as const) : []) {
    memory.phase(`detection: ${engine}`, { heap: true });
    await runBenchCypher(driver, 'delete-campaigns');
    const detector = new CampaignDetector(
      graph,
      { engine, hubDegree: config.CAMPAIGN_HUB_DEGREE, splitSize: config.CAMPAIGN_SPLIT_SIZE, lockWaitMs: 0 },
      () => {},
      (t) =>
        log(
          `  ${engine} ${t.step}: ${t.ms} ms${t.writes !== undefined ? `, ${t.writes} written` : t.rows !== undefined ? `, ${t.rows} rows` : ''}`,
        ),
    );
    log(`campaign detection (${engine})`);
    const run = await detector.detect();
    const found = new Map(
      (await runBenchCypher(driver, 'campaign-membership')).map((row) => [row['indicator'] as string, row['campaign'] as string]),
    );
    const quality = campaignQuality(planted, found);
    // Kept beside the world, so a change to detection can be compared with the partition before it.
    writeFileSync(
      join(work, `partition-${reports}-seed${seed}-${engine}-${startedAt.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`),
      JSON.stringify([...found]),
    );
    log(
      `campaign detection (${engine}): ${(run.tookMs / 1000).toFixed(1)} s, ${run.campaignCount} campaigns, adjusted Rand index ${quality.adjustedRandIndex.toFixed(3)}`,
    );
    detection.push({ engine: run.engine, seconds: Number((run.tookMs / 1000).toFixed(1)), ...quality });
    detectionSteps.push({ engine: run.engine, seconds: Number((run.tookMs / 1000).toFixed(1)), timings: run.timings });
  }

  // (6) Incremental assignment at ingest, on the campaigns the last detection left.
  let incremental: JoinFigure | null = null;
  if (only.has('join')) {
    memory.phase('join at ingest');
    incremental = await incrementalJoin(driver, graph, Math.min(10_000, Math.ceil(reports / 20)));
    log(
      `incremental assignment: ${incremental.msPerReport} ms per report (${incremental.joined} of ${incremental.reports} joined, ${incremental.bridging} bridging)`,
    );
  }

  // (6b) Alerts: 1,000 watches, a webhook receiver and a subscription here, a world of the next seed sent
  //      over the API with the watches and without; it adds that world's reports to the graph (the next run reloads it).
  let alerts: AlertLatencyResult | null = null;
  if (only.has('alerts')) {
    memory.phase('alerts');
    const alertWorld = await world(alertReports, seed + 1);
    // Campaign watches need campaigns: without the detection phase before, the graph may hold none.
    const [campaigns] = await runBenchCypher(driver, 'campaign-count');
    if (Number(campaigns?.['campaigns']) === 0) {
      log('alerts: no campaigns in the graph to watch: detecting them (gds)');
      const detector = new CampaignDetector(
        graph,
        { engine: 'gds', hubDegree: config.CAMPAIGN_HUB_DEGREE, splitSize: config.CAMPAIGN_SPLIT_SIZE, lockWaitMs: 0 },
        () => {},
        () => {},
      );
      await detector.detect();
    }
    alerts = await alertLatency({
      apiUrl: service.url,
      adminKey: apiKey,
      driver,
      reports: { file: alertWorld.reportFile, from: 0, to: alertReports },
      truthFile: alertWorld.truthFile,
      slices: values.quick ? 8 : 16,
      watches: 1_000,
      timeoutMs: 30_000,
      log,
    });
    log(
      `alerts: p99 ${alerts.webhook.fromAnswer.p99} ms to the webhook, ${alerts.subscription.fromAnswer.p99} ms to the subscription; ` +
        `ingest ${alerts.rate.watched} reports/s with the watches, ${alerts.rate.none} without`,
    );
  }

  // (6c) The explorer: a hub and a campaign seeded over the API (they stay in the graph), drawn in Chromium.
  let explorer: ExplorerLatencyResult | null = null;
  if (only.has('explorer')) {
    memory.phase('explorer');
    explorer = await explorerLatency({ apiUrl: service.url, adminKey: apiKey, repetitions: Number(values['explorer-runs']), log });
  }

  // (7) Campaign quality on messy worlds, one per bridge share: last, as each replaces the graph.
  const worlds: WorldFigure[] = [];
  if (only.has('quality')) {
    memory.phase('quality', { heap: true });
    worlds.push(
      ...(await measureWorlds({
        reports,
        seed,
        bridgeShares,
        workDir: work,
        graph,
        driver,
        target,
        hubDegree: config.CAMPAIGN_HUB_DEGREE,
        emptyGraph,
        log,
        reuseGraph: values['keep-world'],
      })),
    );
  }

  // (8) The machine and the figures, written side by side.
  const [server] = await graph.read('reads/server-components');
  const versions = await readVersions();
  const result: BenchResult = {
    date: startedAt.toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    reports,
    seed,
    sample,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      neo4j: `${String(server?.['version'])} ${String(server?.['edition'])}`,
      gds: versions.gds,
      neo4jMemory: `heap ${heap}, page cache ${pageCache}`,
      loadAverageAtStart: loadAtStart.map((value) => Number(value.toFixed(2))),
      loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))),
    },
    ingest: ingestFigures,
    queries,
    detection,
    join: incremental,
    worlds,
    memory: memory.stop(),
  };
  const markdown = [
    resultsMarkdown(result),
    detectionStepsMarkdown(detectionSteps),
    ...(flood ? [floodMarkdown(flood)] : []),
    ...(alerts ? [alertLatencyMarkdown(alerts)] : []),
    ...(explorer ? [explorerLatencyMarkdown(explorer)] : []),
    ...extraction,
  ].join('\n');
  const results = join(root, 'bench', 'results');
  const stamp = result.date.slice(0, 19).replace(/[:T]/g, '-');
  writeFileSync(
    join(results, `${stamp}.json`),
    `${JSON.stringify({ ...result, detectionSteps, flood, alerts, explorer, extraction }, null, 2)}\n`,
  );
  writeFileSync(join(results, `${stamp}.md`), markdown);
  // latest.md is what the README quotes: only a run of every phase replaces it.
  const whole = PHASES.every((phase) => only.has(phase));
  if (whole) writeFileSync(join(results, 'latest.md'), markdown);
  process.stdout.write(`\n${markdown}\nwritten: bench/results/${stamp}.json and .md${whole ? ' and latest.md' : ''}\n`);
} finally {
  for (const stop of stops) await stop().catch((error: unknown) => log(`while stopping: ${(error as Error).message}`));
}
