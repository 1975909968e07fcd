import { SERVER_FLOOR_QUERY } from './analyst-queries.js';
import type { CampaignQuality } from './campaign-quality.js';
import type { WorldFigure } from './campaign-worlds.js';
import type { JoinFigure } from './incremental-join.js';
import { INGEST_PATHS, type IngestFigure } from './ingest-paths.js';
import type { MemoryFigures } from './memory-sampler.js';
import type { QueryLatency } from './query-latency.js';

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly neo4j: string;
  readonly gds: string;
  readonly neo4jMemory: string;
  readonly loadAverageAtStart: readonly number[];
  readonly loadAverageAtEnd: readonly number[];
}

export interface DetectionFigure extends CampaignQuality {
  readonly engine: string;
  readonly seconds: number;
}

export interface BenchResult {
  readonly date: string;
  readonly command: string;
  readonly reports: number;
  readonly seed: number;
  /** Reports each non-bulk path wrote into a graph that already held the rest; null: every path wrote them all. */
  readonly sample: number | null;
  readonly machine: Machine;
  readonly ingest: readonly IngestFigure[];
  readonly queries: readonly QueryLatency[];
  readonly detection: readonly DetectionFigure[];
  /** Incremental assignment at ingest; null when the join phase did not run. */
  readonly join: JoinFigure | null;
  /** Campaign quality on messy worlds, per bridge share and engine (absent in results before issue 15). */
  readonly worlds?: readonly WorldFigure[];
  readonly memory: MemoryFigures;
}

const n = (value: number) => value.toLocaleString('en-AU');
const times = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)}×`;
const load = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(', ');

const PROCESS_NAMES: Readonly<Record<string, string>> = { api: 'scamgraph API', peer: '@neo4j/graphql server', neo4j: 'Neo4j JVM' };

const heapOf = (memory: MemoryFigures, phase: string) => {
  const heap = memory.phases.find((p) => p.phase === phase)?.neo4jHeap;
  return heap ? `${n(heap.oldGeneration)} | ${n(heap.inUse)}` : '- | -';
};

/** Other work ran beside the benchmark: more runnable processes than cores, on average, over the run's minutes. */
const busy = (machine: Machine) => Math.max(machine.loadAverageAtStart[1] ?? 0, machine.loadAverageAtEnd[1] ?? 0) > machine.cores + 0.5;

/** The result as the Markdown README's Performance section shows it. */
export function resultsMarkdown(result: BenchResult): string {
  const { machine } = result;
  const processes = Object.keys(result.memory.peakMiB);
  // The best the driver did with the full model (either statement): the rate the API is held to.
  const limit = Math.max(
    0,
    ...result.ingest.filter((figure) => figure.path === 'driver' || figure.path === 'batch').map((figure) => figure.reportsPerSecond),
  );
  const lines = [
    `### ${n(result.reports)} reports (seed ${result.seed}), started ${result.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`${result.command}\` on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `Neo4j ${machine.neo4j} with GDS ${machine.gds} (${machine.neo4jMemory}). ` +
      `Load average (1, 5, 15 min) ${load(machine.loadAverageAtStart)} at the start and ${load(machine.loadAverageAtEnd)} at the end` +
      (busy(machine) ? ': the machine was shared with other work, which slows every figure here.' : ': no other work ran beside it.'),
    '',
    result.sample === null
      ? 'Ingest: each path wrote all the reports into an empty graph (brands registered first), after every path but the naive one ' +
        "(its statement is the driver path's) had written a slice of them untimed, in rounds until Neo4j's JIT compilers used under a tenth of its CPU or three rounds (a warm-up: no path pays the JIT of a JVM just started for the others)."
      : `Ingest: the bulk (${n(result.reports - 3 * result.sample)} reports) went in by the driver with UNWIND, its first half by the per-report statement, its second by ingest's; the API, the import command and ` +
        `one transaction per report each wrote a further ${n(result.sample)} reports into the graph already holding it.`,
    '',
    'CPU s / 1,000 reports: CPU seconds per 1,000 reports of the process that validates and sends them (the API server, the import command) ' +
      'and of the Neo4j JVM (of it, its JIT compilers: the JVM still compiling while the path ran); the driver paths make their rows off the clock. ' +
      'Warm: the second half of the reports alone.',
    '',
    '| path | reports | seconds | reports/s | warm reports/s | share of the best driver rate | API CPU s / 1,000 | Neo4j CPU s / 1,000 | of it JIT |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.ingest.map(
      (f) =>
        `| ${INGEST_PATHS[f.path]} | ${n(f.reports)} | ${f.seconds} | ${n(f.reportsPerSecond)} | ${f.warmReportsPerSecond ? n(f.warmReportsPerSecond) : '-'} | ` +
        `${limit ? (f.reportsPerSecond / limit).toFixed(2) : '-'} | ${f.clientCpuPer1000 ?? '-'} | ${f.neo4jCpuPer1000 ?? '-'} | ${f.neo4jJitCpuPer1000 ?? '-'} |`,
    ),
    '',
    'Query latency through HTTP in ms, one request at a time, scamgraph and @neo4j/graphql 7 taking turns on the same keys and the same graph; ' +
      'both answers checked equal for every key first. Ratio: @neo4j/graphql ÷ scamgraph (above 1: scamgraph is faster). ' +
      'The first row asks for nothing from the database: it is what each server costs per request before any query runs.',
    '',
    '| query | keys | requests | scamgraph p50 | scamgraph p99 | @neo4j/graphql p50 | @neo4j/graphql p99 | ratio p50 | ratio p99 | p99 < 10 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...result.queries.map(
      (q) =>
        `| ${q.query} | ${n(q.keys)}${q.keysLeftOut > 0 ? ` (${q.keysLeftOut} left out)` : ''} | ${n(q.requests)} | ${q.ours.p50} | ${q.ours.p99} | ${q.peer.p50} | ${q.peer.p99} | ` +
        `${times(q.peer.p50 / q.ours.p50)} | ${times(q.peer.p99 / q.ours.p99)} | ${q.query === SERVER_FLOOR_QUERY.name ? '-' : q.ours.p99 < 10 ? 'yes' : 'no'} |`,
    ),
    '',
    'Campaign detection over the whole graph, each engine starting from no campaigns; quality is the adjusted Rand index of the ' +
      "indicators' found campaigns against the planted ones (noise and unplaced indicators count as singletons; 1 is perfect).",
    '',
    '| engine | seconds | Neo4j old generation, peak (MiB) | Neo4j heap in use, peak (MiB) | campaigns found | planted campaigns (2+ indicators) | indicators scored | adjusted Rand index |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.detection.map(
      (d) =>
        `| ${d.engine} | ${d.seconds} | ${heapOf(result.memory, `detection: ${d.engine}`)} | ${n(d.foundCampaigns)} | ${n(d.plantedCampaigns)} | ${n(d.indicators)} | ${d.adjustedRandIndex.toFixed(4)} |`,
    ),
    '',
    ...worldLines(result.worlds ?? []),
    ...(result.join
      ? [
          `Incremental assignment, as ingest runs it (\`campaigns/join-campaigns\` after each batch): ${n(result.join.reports)} reports taken out of ` +
            `the campaigns detection placed them in, then put back in batches of 500: **${result.join.msPerReport} ms per report** ` +
            `(${result.join.seconds} s; ${n(result.join.joined)} joined one campaign, ${n(result.join.bridging)} bridged several).`,
          '',
        ]
      : []),
    `Peak resident memory (MiB), each process on its own: ${Object.entries(result.memory.peakMiB)
      .map(([name, mib]) => `${PROCESS_NAMES[name] ?? name} ${n(mib)}`)
      .join(', ')}. ` +
      'Per phase (the heap is sampled twice a second, in detection phases only: a sample is a query; ' +
      'the old generation holds what a run keeps, such as a GDS projection; "in use" counts young garbage not yet collected too, ' +
      'so with G1 and a 4g heap it shows more when collections run than what the engine needs):',
    '',
    `| phase | ${processes.map((name) => PROCESS_NAMES[name] ?? name).join(' | ')} | Neo4j old generation | Neo4j heap in use | load average at its end |`,
    `| --- |${' ---: |'.repeat(processes.length + 3)}`,
    ...result.memory.phases.map(
      (p) =>
        `| ${p.phase} | ${processes.map((name) => (p.rssMiB[name] ? n(p.rssMiB[name]) : '-')).join(' | ')} | ${heapOf(result.memory, p.phase)} | ${p.loadAverage} |`,
    ),
  ];
  if (result.queries.some((q) => q.keysLeftOut > 0)) {
    lines.push(
      '',
      'Keys left out: neighbourhoods cut at the 100-node limit or around a hub number (drawn, not expanded), which @neo4j/graphql cannot ask alike.',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Campaign quality on messy worlds: one row per bridge share and engine, with the step times. */
function worldLines(worlds: readonly WorldFigure[]): string[] {
  if (worlds.length === 0) return [];
  const step = (w: WorldFigure, ...names: string[]) => {
    const ms = names.reduce((sum, name) => sum + (w.steps[name] ?? 0), 0);
    return (ms / 1000).toFixed(1);
  };
  return [
    "Campaign quality on messy worlds (`scamgraph generate` defaults: 2% recycled numbers, 5% links on shared platforms, 10% victims' " +
      'numbers as caller IDs), one world per share of bridge reports, each engine from no campaigns. Pairwise precision: of the pairs of ' +
      'indicators put in one campaign, the share planted in one operation; recall: of the pairs planted together, the share found together. ' +
      "Agreement: adjusted Rand index of the engine's campaigns against the GDS engine's. Reachable: the same campaigns scored against " +
      'the planted operations cut where no chain of reports connects their parts (eras of an operation that rotated everything, ' +
      'which no method working from the reports can join), with how many parts that truth has; core-reachable: cut where no chain of ' +
      'ties backed by two reports or more (core links; a lone bridge never makes one) connects them. Step times in seconds: links (silences, ' +
      'weighing, evidence), labelling (GDS: projection and Leiden with write-back; Cypher: seeding and label waves), merging communities, ' +
      'and writing campaigns (identities, membership, hubs, figures).',
    '',
    '| bridges | engine | ARI | pairwise precision | pairwise recall | agreement with GDS | reachable ARI | reachable recall | core-reachable ARI | campaigns found | planted | reachable parts | core-reachable parts | seconds | links | labelling | merge | write-back |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...worlds.map(
      (w) =>
        `| ${(w.bridgeShare * 100).toFixed(0)}% | ${w.engine} | ${w.adjustedRandIndex.toFixed(4)} | ${w.pairwisePrecision.toFixed(4)} | ` +
        `${w.pairwiseRecall.toFixed(4)} | ${w.agreementWithGds === null ? '-' : w.agreementWithGds.toFixed(4)} | ` +
        `${w.reachable.adjustedRandIndex.toFixed(4)} | ${w.reachable.pairwiseRecall.toFixed(4)} | ${w.coreReachable.adjustedRandIndex.toFixed(4)} | ` +
        `${n(w.foundCampaigns)} | ${n(w.plantedCampaigns)} | ${n(w.reachable.plantedCampaigns)} | ${n(w.coreReachable.plantedCampaigns)} | ${w.seconds} | ${step(w, 'silences', 'links', 'evidence')} | ${step(w, `label.${w.engine}`)} | ${step(w, 'merge')} | ` +
        `${step(w, 'overlaps', 'record', 'assign-indicators', 'assign-reports', 'attach-hubs', 'summarise')} |`,
    ),
    '',
  ];
}
