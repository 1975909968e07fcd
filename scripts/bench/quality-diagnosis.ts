// Why campaign detection gets pairs wrong on a messy world (issue 15): loads one world into a Neo4j of
// its own (kept between runs), detects with each engine under each trial setting, and prints the
// planted operations it merged (with the links across them and the reports behind those) and the
// ones it split (with the links between the parts). Settings are tried without editing the code:
//   npx tsx scripts/bench/quality-diagnosis.ts --reports 20000 --bridges 0.01 \
//     --try 'coreShare=0.07' --try 'coreShare=0.1,merge.mutual=0.3' --engine gds,cypher --top 6
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CampaignDetector } from '../../src/campaigns/campaign-detector.js';
import { COMMUNITY_STORY_ROW, storiesAndReports } from '../../src/campaigns/community-graph.js';
import { COMMUNITY_SHARES, LINK_WEIGHTS } from '../../src/campaigns/detection-parameters.js';
import { loadConfig } from '../../src/config/config.js';
import { projectRoot } from '../../src/config/project-root.js';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { createDriver } from '../../src/graph/driver.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import type { TruthLine } from '../../src/synthetic/truth.js';
import { freePort } from '../neo4j/free-port.js';
import { startLocalNeo4j } from '../neo4j/runtime.js';
import { runBenchCypher } from './bench-cypher.js';
import { campaignQuality, readPlantedCampaigns } from './campaign-quality.js';
import { emptyGraph } from './empty-graph.js';
import { ingest } from './ingest-paths.js';
import { worldFile } from './world-file.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    bridges: { type: 'string', default: '0.01' },
    engine: { type: 'string', default: 'gds,cypher' },
    try: { type: 'string', multiple: true, default: [''] },
    top: { type: 'string', default: '6' },
    /** Writes the communities before merging (their ties, and each indicator's label) to a JSON file for studying the merge step offline (merge-replay.ts), merging nothing. */
    dump: { type: 'string' },
    home: { type: 'string' },
  },
});
const [reports, seed, top] = [Number(values.reports), Number(values.seed), Number(values.top)];
const log = (line: string) => process.stdout.write(`${line}\n`);
const work = join(projectRoot(), '.cache', 'bench');
const base = join(work, `messy-${reports}-seed${seed}-bridges${values.bridges}`);
mkdirSync(work, { recursive: true });
const { reportFile, truthFile } = await worldFile(base, { reports, seed, options: ['--bridges', values.bridges] });

// Truth: each indicator's operation, each report's operation and the operation a bridge report also names.
const planted = await readPlantedCampaigns(truthFile);
const reportTruth = new Map<string, string>();
for await (const text of createInterface({ input: createReadStream(truthFile), crlfDelay: Infinity })) {
  const line = JSON.parse(text) as TruthLine;
  if (line.type === 'report')
    reportTruth.set(line.externalId, `${line.campaign ?? 'noise'}${line.bridges ? ` BRIDGE->${line.bridges}` : ''}`);
}
const recycled = new Set<string>();
for await (const text of createInterface({ input: createReadStream(truthFile), crlfDelay: Infinity })) {
  const line = JSON.parse(text) as TruthLine;
  if (line.type === 'indicator' && line.recycledFrom) recycled.add(`${line.indicator}:${line.key}`);
}

const home = join(projectRoot(), '.neo4j', values.home ?? `diagnosis-${reports}`);
const port = await freePort();
// The benchmark's memory, so that a million-report graph kept by `npm run bench` can be studied here: --home
// bench-1000000, with that home's world.txt naming the world file the benchmark loaded (without it, the graph is
// emptied and the world loaded again).
const neo4j = await startLocalNeo4j({ port, home, heap: '4g', pageCache: '2g', log, timeoutMs: 600_000 });
const config = loadConfig({ ...process.env, NEO4J_URI: neo4j.uri });
const driver = createDriver({ uri: neo4j.uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });
const graph = new GraphExecutor(driver, loadCypherRegistry(), config.NEO4J_DATABASE);
try {
  // Constraints and indexes first, as the service makes them: without them every MERGE of the ingest scans.
  await applyMigrations(graph);
  const marker = join(home, 'world.txt');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== reportFile) {
    await emptyGraph(graph);
    await ingest(
      'driver',
      { graph, driver, apiUrl: '', apiKey: '', neo4jUri: neo4j.uri, workDir: work, textExcerptMax: config.TEXT_EXCERPT_MAX },
      { file: reportFile, from: 0, to: reports },
    );
    writeFileSync(marker, reportFile);
  }
  const defaults = JSON.parse(JSON.stringify({ ...COMMUNITY_SHARES, ...LINK_WEIGHTS })) as Record<string, unknown>;
  for (const trial of values.try) {
    applySetting(defaults, '');
    for (const setting of trial.split(',').filter(Boolean)) applySetting(defaults, setting);
    for (const engine of values.engine.split(',') as ('gds' | 'cypher')[]) {
      await runBenchCypher(driver, 'delete-campaigns');
      const captured: Record<string, unknown> = {};
      const seen = values.dump ? capturing(graph, captured) : graph;
      const run = await new CampaignDetector(seen, { engine, hubDegree: config.CAMPAIGN_HUB_DEGREE, splitSize: 0, lockWaitMs: 0 }).detect();
      if (values.dump) {
        const nodes = await runBenchCypher(driver, 'campaign-labels', { runId: run.id });
        writeFileSync(`${values.dump}.${engine}.json`, JSON.stringify({ ...captured, nodes, truth: truthFile }));
        log(`wrote ${values.dump}.${engine}.json`);
        continue;
      }
      const rows = await runBenchCypher(driver, 'campaign-membership');
      const found = new Map(rows.map((row) => [row['indicator'] as string, row['campaign'] as string]));
      const quality = campaignQuality(planted, found);
      log(
        `\n== ${trial || 'as committed'} / ${engine}: ARI ${quality.adjustedRandIndex.toFixed(4)}, precision ${quality.pairwisePrecision.toFixed(4)}, ` +
          `recall ${quality.pairwiseRecall.toFixed(4)}, ${quality.foundCampaigns} found of ${quality.plantedCampaigns} planted, ${(run.tookMs / 1000).toFixed(1)} s`,
      );
      log(`steps (ms): ${JSON.stringify(run.steps)}`);
      await explain(rows, found);
    }
  }
} finally {
  await driver.close();
  await neo4j.stop();
}

/** The executor detection runs on, with the community graph kept and the merge left out (the dump's communities are the labeller's). */
function capturing(inner: GraphExecutor, captured: Record<string, unknown>): GraphExecutor {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'read') {
        return async (name: string, params?: Record<string, unknown>) => {
          const rows = await target.read(name as never, params as never);
          if (name === 'campaigns/community-evidence') captured['evidence'] = rows;
          if (name === 'campaigns/community-weights') captured['weights'] = rows;
          if (name === 'campaigns/community-stories') Object.assign(captured, storiesAndReports(z.array(COMMUNITY_STORY_ROW).parse(rows)));
          return rows;
        };
      }
      if (property === 'autoCommit' || property === 'autoCommitCounted') {
        return (name: string, params?: Record<string, unknown>) =>
          name === 'campaigns/relabel-communities'
            ? Promise.resolve(property === 'autoCommit' ? [] : { rows: [] })
            : (target[property] as (n: never, p: never) => Promise<unknown>).call(target, name as never, params as never);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** Sets `path=value` in the parameter objects (dotted for nested ones); '' restores every default. */
function applySetting(defaults: Record<string, unknown>, setting: string): void {
  const targets = [COMMUNITY_SHARES, LINK_WEIGHTS] as unknown as Record<string, unknown>[];
  if (setting === '') {
    for (const target of targets) for (const key of Object.keys(target)) if (key in defaults) target[key] = structuredClone(defaults[key]);
    return;
  }
  const [path = '', value = ''] = setting.split('=');
  const keys = path.split('.');
  const target = targets.find((candidate) => keys[0]! in candidate);
  if (!target) throw new Error(`--try: no parameter ${path}`);
  let at = target;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = Number(value);
}

async function explain(rows: Record<string, unknown>[], found: Map<string, string>): Promise<void> {
  const keyOf = new Map(rows.map((row) => [row['node'] as string, row['indicator'] as string]));
  const opOf = (key: string) => planted.get(key) ?? `noise ${key}`;
  const campaignOf = (key: string) => found.get(key) ?? `alone ${key}`;
  const links = (await runBenchCypher(driver, 'campaign-links')).map((row) => ({
    a: keyOf.get(row['a'] as string) ?? `? ${String(row['a'])}`,
    b: keyOf.get(row['b'] as string) ?? `? ${String(row['b'])}`,
    ids: [row['a'] as string, row['b'] as string] as const,
    weight: Number(row['weight']),
    reports: Number(row['reports']),
    strengths: [Number(row['aStrength']), Number(row['bStrength'])],
    named: [Number(row['aReports']), Number(row['bReports'])],
  }));
  const core = (link: (typeof links)[number]) =>
    link.reports >= COMMUNITY_SHARES.coreReports &&
    link.weight >= COMMUNITY_SHARES.coreWeight &&
    Math.min(...link.named) > 1 &&
    link.weight >= COMMUNITY_SHARES.coreShare * Math.min(...link.strengths) &&
    link.weight >= COMMUNITY_SHARES.coreShareOfBusier * Math.max(...link.strengths);
  const describe = async (link: (typeof links)[number]) => {
    const behind = await runBenchCypher(driver, 'link-reports', { a: link.ids[0], b: link.ids[1] });
    const truths = behind.map((row) => `${String(row['receivedAt']).slice(0, 10)} ${reportTruth.get(row['externalId'] as string) ?? '?'}`);
    const mark = (key: string) => (recycled.has(key) ? ' (recycled)' : '');
    return (
      `    ${link.a}${mark(link.a)} [${opOf(link.a)}] -- ${link.b}${mark(link.b)} [${opOf(link.b)}]: weight ${link.weight.toFixed(2)}, ${link.reports} reports, ` +
      `ends' strength ${link.strengths.map((s) => s.toFixed(1)).join('/')}, named ${link.named.join('/')}, ${core(link) ? 'CORE' : 'not core'}\n      ${truths.slice(0, 4).join('; ')}`
    );
  };
  // Each found campaign's evidence and its ties to others, as community-merge judges them.
  const evidence = new Map<string, number>();
  const strengthOf = new Map<string, number>();
  for (const link of links) [link.a, link.b].forEach((key, end) => strengthOf.set(key, link.strengths[end]!));
  for (const [key, strength] of strengthOf) evidence.set(campaignOf(key), (evidence.get(campaignOf(key)) ?? 0) + strength);
  const tie = new Map<string, Map<string, number>>();
  for (const link of links) {
    const [x, y] = [campaignOf(link.a), campaignOf(link.b)];
    if (x === y) continue;
    for (const [from, to] of [
      [x, y],
      [y, x],
    ] as const)
      tie.set(from, (tie.get(from) ?? new Map<string, number>()).set(to, (tie.get(from)?.get(to) ?? 0) + link.weight));
  }
  // Merges: found campaigns holding several planted operations, by pairs wrongly joined.
  const members = new Map<string, Map<string, number>>();
  const parts = new Map<string, Map<string, number>>();
  for (const key of planted.keys()) {
    const [op, campaign] = [opOf(key), campaignOf(key)];
    members.set(campaign, (members.get(campaign) ?? new Map<string, number>()).set(op, (members.get(campaign)?.get(op) ?? 0) + 1));
    parts.set(op, (parts.get(op) ?? new Map<string, number>()).set(campaign, (parts.get(op)?.get(campaign) ?? 0) + 1));
  }
  const crossPairs = (counts: Map<string, number>) => {
    const sizes = [...counts.values()];
    const total = sizes.reduce((sum, n) => sum + n, 0);
    return (total * total - sizes.reduce((sum, n) => sum + n * n, 0)) / 2;
  };
  const merged = [...members]
    .filter(([campaign]) => !campaign.startsWith('alone '))
    .map(([campaign, ops]) => ({ campaign, ops, lost: crossPairs(ops) }))
    .filter(({ lost }) => lost > 0)
    .sort((x, y) => y.lost - x.lost);
  const split = [...parts]
    .filter(([op]) => !op.startsWith('noise '))
    .map(([op, campaigns]) => ({ op, campaigns, lost: crossPairs(campaigns) }))
    .filter(({ lost }) => lost > 0)
    .sort((x, y) => y.lost - x.lost);
  log(
    `  wrongly joined pairs ${merged.reduce((sum, m) => sum + m.lost, 0)} in ${merged.length} campaigns; wrongly parted pairs ${split.reduce((sum, s) => sum + s.lost, 0)} in ${split.length} operations`,
  );
  for (const { campaign, ops, lost } of merged.slice(0, top)) {
    const across = links
      .filter((link) => campaignOf(link.a) === campaign && campaignOf(link.b) === campaign && opOf(link.a) !== opOf(link.b))
      .sort((x, y) => y.weight - x.weight);
    log(
      `  MERGED ${lost} pairs: ${[...ops]
        .sort((x, y) => y[1] - x[1])
        .map(([op, n]) => `${op.slice(0, 40)} x${n}`)
        .join(', ')}; ${across.length} links across, ${across.filter(core).length} core`,
    );
    for (const link of across.slice(0, 3)) log(await describe(link));
  }
  for (const { op, campaigns, lost } of split.slice(0, top)) {
    const sizes = [...campaigns].sort((x, y) => y[1] - x[1]);
    const main = sizes[0]![0];
    const between = links
      .filter(
        (link) =>
          opOf(link.a) === op &&
          opOf(link.b) === op &&
          campaignOf(link.a) !== campaignOf(link.b) &&
          (campaignOf(link.a) === main || campaignOf(link.b) === main),
      )
      .sort((x, y) => y.weight - x.weight);
    log(
      `  SPLIT ${lost} pairs: ${op} into ${sizes.map(([campaign, n]) => `${campaign.slice(0, 8)} x${n}`).join(', ')}; ${between.length} links from the largest part`,
    );
    for (const [part] of sizes.slice(0, 4)) {
      const ties = [...(tie.get(part) ?? new Map<string, number>())].sort((x, y) => y[1] - x[1]).slice(0, 3);
      log(
        `    part ${part.slice(0, 8)}: evidence ${(evidence.get(part) ?? 0).toFixed(1)}, ties ${ties.map(([other, w]) => `${other.slice(0, 8)} ${w.toFixed(1)}`).join(', ')}`,
      );
    }
    for (const link of between.slice(0, 2)) log(await describe(link));
  }
}
