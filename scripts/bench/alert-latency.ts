// The alerts phase (issue 18): an ANALYST key's 1,000 watches (brands, campaigns, indicators, number
// prefixes), a webhook receiver (node:http, signatures verified) and a graphql-ws subscription in this
// process, and a fresh world's reports sent over the API at full speed, in slices taken in turn with the
// watches and without them (parked: the outbox then sees a graph with no watch). Latency: each alert's
// arrival at the webhook and at the subscription, less the time the submitReports request that wrote it
// was answered (and was sent). A phase of `npm run bench` (`--only alerts`).
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import type { ReportInput } from '../../src/ingest/report-input.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../src/monitoring/webhook-signature.js';
import { subscribeToAlerts } from '../../test/helpers/alert-subscription.js';
import { startReceiver } from '../../test/helpers/webhook-receiver.js';
import { runBenchCypher } from './bench-cypher.js';
import { BATCH } from './ingest-paths.js';
import { percentiles } from './query-latency.js';
import { reportBatches, type ReportRange } from './report-file.js';

export interface AlertLatencyOptions {
  readonly apiUrl: string;
  readonly adminKey: string;
  readonly driver: Driver;
  /** A world the graph does not hold yet (another seed): every report is new, so each can alert. */
  readonly reports: ReportRange;
  readonly truthFile: string;
  /** Slices of the reports, taken none, watched, watched, none, ... (ABBA: drift falls on both alike). */
  readonly slices: number;
  readonly watches: number;
  /** How long after the last report an alert may still arrive before it is counted missing. */
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

interface Spread {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface ChannelFigures {
  /** Distinct alerts that arrived (of `expected`), and how many of them in time for the count. */
  readonly delivered: number;
  readonly missing: number;
  /** Arrivals of an alert already seen (at least once: a retry, or a resumed stream). */
  readonly repeats: number;
  /** From the answer of the submitReports request that wrote the alert, and from when it was sent (ms). */
  readonly fromAnswer: Spread;
  readonly fromSent: Spread;
  /** Arrivals before the answer: the alert's part committed and was delivered while the request's later parts were still being written. */
  readonly beforeAnswer: number;
  /** Requests refused by the receiver's check (bad or missing signature), or the subscription's errors. */
  readonly rejected: number;
}

export interface SliceFigure {
  readonly watched: boolean;
  readonly reports: number;
  readonly seconds: number;
  readonly reportsPerSecond: number;
}

export interface AlertLatencyResult {
  readonly watches: Readonly<Record<string, number>>;
  /** Watches the sent reports were made to hit (each kind), beside those they hit by chance. */
  readonly planted: string;
  readonly reports: number;
  /** Reports sent before the timed slices (a batch with the watches, one without); their alerts are counted and timed too. */
  readonly warmUp: number;
  readonly batch: number;
  readonly slices: readonly SliceFigure[];
  readonly rate: { readonly none: number; readonly watched: number; readonly ratio: number };
  /** Neo4j's planning inside the timed slices (db.stats QUERIES), by kind of slice: what a replan or a new plan cost them. */
  readonly planning: { readonly watched: Planning; readonly none: Planning };
  /** Alerts the watched slices wrote (the outbox, read back over the API): what both channels owe. */
  readonly expected: number;
  readonly byEvent: Readonly<Record<string, number>>;
  /** Webhook delivery states at the end, from the outbox. */
  readonly delivery: Readonly<Record<string, number>>;
  readonly webhook: ChannelFigures;
  readonly subscription: ChannelFigures;
  readonly subscriptionErrors: readonly string[];
  readonly timeoutMs: number;
  readonly loadAverage: { readonly start: readonly number[]; readonly end: readonly number[] };
}

interface Request {
  readonly sent: number;
  readonly answered: number;
}

interface OutboxAlert {
  readonly id: string;
  readonly event: string;
  readonly reportId: string | null;
  readonly delivery: string;
}

/** Brands a bank, a courier and a toll road would watch: some busy in the synthetic worlds, some not. */
const WATCHED_BRANDS = ['commbank', 'ing', 'bendigo-bank', 'dhl', 'linkt'];
const PREFIXES = 200;
/** Of the prefix watches, this many are ranges of 1,000 around a number of the world sent. */
const HOT_PREFIXES = 20;
const HOT_PHONES = 20;
const HOT_DOMAINS = 10;
const CAMPAIGNS = 50;
const HOT_CAMPAIGNS = 10;
/** Every this many reports names a watched indicator; every this many (offset by half) a watched campaign's number. */
const PLANT_EVERY = 25;

const CREATE = `mutation($kind: WatchKind!, $target: String!, $ik: String, $hook: String) {
  createWatch(kind: $kind, target: $target, indicatorKind: $ik, webhookUrl: $hook) { watch { id } webhookSecret } }`;
const SUBMIT = 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { report { id } errors { code message } } }';
const ALERTS = 'query($after: ID) { alerts(after: $after, first: 1000) { id event reportId delivery } }';

const round = (ms: number) => Number(ms.toFixed(1));

export async function alertLatency(options: AlertLatencyOptions): Promise<AlertLatencyResult> {
  const { log } = options;
  const loadAtStart = os.loadavg();
  async function ask(key: string, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(options.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
    if (!body.data || body.errors) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
    return body.data;
  }

  // (1) A clean slate, the key, the receiver and the subscription.
  await runBenchCypher(options.driver, 'delete-watches');
  await runBenchCypher(options.driver, 'start-query-collection', { seconds: 3600 });
  const analyst = (await ask(options.adminKey, 'mutation { createApiKey(name: "bench-alerts", role: ANALYST) { key } }')).createApiKey
    .key as string;
  const receiver = await startReceiver();
  const subscription = subscribeToAlerts(options.apiUrl, analyst);
  const secrets = new Map<string, string>();
  try {
    // (2) The watches: brands, campaigns and indicators the graph holds, and number ranges.
    const [targets] = await runBenchCypher(options.driver, 'watch-targets', { n: options.watches });
    const phones = (targets?.['phones'] ?? []) as string[];
    const domains = (targets?.['domains'] ?? []) as string[];
    const campaigns = ((targets?.['campaigns'] ?? []) as { id: string; phone: string }[]).slice(0, CAMPAIGNS);
    const worldPhones = (await readFile(options.truthFile, 'utf8'))
      .split('\n')
      .filter((line) => line.includes('"indicator":"phone"') && line.includes('"key":"+614'))
      .map((line) => (JSON.parse(line) as { key: string }).key);
    const step = Math.max(1, Math.floor(worldPhones.length / HOT_PREFIXES));
    const hotPrefixes = [...new Set(worldPhones.filter((_, i) => i % step === 0).map((e164) => e164.slice(0, -3)))].slice(0, HOT_PREFIXES);
    const coldPrefixes: string[] = [];
    for (let i = 0; coldPrefixes.length < PREFIXES - hotPrefixes.length && i < 1000; i++) {
      const prefix = `+614915${String(i).padStart(3, '0')}`;
      if (!worldPhones.some((e164) => e164.startsWith(prefix))) coldPrefixes.push(prefix);
    }
    const specs: { kind: string; target: string; ik?: string }[] = [
      ...WATCHED_BRANDS.map((target) => ({ kind: 'BRAND', target })),
      ...campaigns.map(({ id }) => ({ kind: 'CAMPAIGN', target: id })),
      ...[...hotPrefixes, ...coldPrefixes].map((target) => ({ kind: 'PREFIX', target })),
    ];
    const indicators = options.watches - specs.length;
    const phoneWatches = phones.slice(0, Math.ceil((indicators * 2) / 3));
    const domainWatches = domains.slice(0, indicators - phoneWatches.length);
    specs.push(
      ...phoneWatches.map((target) => ({ kind: 'INDICATOR', target, ik: 'phone' })),
      ...domainWatches.map((target) => ({ kind: 'INDICATOR', target, ik: 'domain' })),
    );
    const hook = `${receiver.url}/alerts`;
    for (let i = 0; i < specs.length; i += 8) {
      await Promise.all(
        specs.slice(i, i + 8).map(async ({ kind, target, ik }) => {
          const { createWatch } = await ask(analyst, CREATE, { kind, target, ik: ik ?? null, hook });
          secrets.set(createWatch.watch.id as string, createWatch.webhookSecret as string);
        }),
      );
    }
    const watches: Record<string, number> = {};
    for (const { kind } of specs) watches[kind] = (watches[kind] ?? 0) + 1;
    log(`alerts: ${secrets.size} watches (${JSON.stringify(watches)}) with a webhook each`);
    if (secrets.size < options.watches) log(`alerts: the graph held targets for ${secrets.size} watches only, not ${options.watches}`);

    // (3) Reports that hit some: a watched phone or domain in one report in PLANT_EVERY, a watched campaign's number in another.
    const hotPhones = phoneWatches.slice(0, HOT_PHONES);
    const hotDomains = domainWatches.slice(0, HOT_DOMAINS);
    const hotCampaigns = campaigns.slice(0, HOT_CAMPAIGNS).map(({ phone }) => phone);
    const plant = (report: ReportInput, index: number): ReportInput => {
      const n = Math.floor(index / PLANT_EVERY);
      if (index % PLANT_EVERY === 0) {
        if (n % 3 === 2 && hotDomains.length > 0)
          return { ...report, urls: [...(report.urls ?? []), `https://${hotDomains[n % hotDomains.length]}/`] };
        if (hotPhones.length > 0)
          return { ...report, callbackNumbers: [...(report.callbackNumbers ?? []), hotPhones[n % hotPhones.length]!] };
      }
      if (index % PLANT_EVERY === Math.floor(PLANT_EVERY / 2) && hotCampaigns.length > 0)
        return { ...report, callbackNumbers: [...(report.callbackNumbers ?? []), hotCampaigns[n % hotCampaigns.length]!] };
      return report;
    };
    const planted =
      `${hotPhones.length} phone and ${hotDomains.length} domain watches named by one report in ${PLANT_EVERY}, ` +
      `${hotCampaigns.length} campaigns' numbers by another one in ${PLANT_EVERY}, ${hotPrefixes.length} prefixes around numbers of the world sent ` +
      `(the rest of the prefixes, in +61 4915, match none of its numbers); brand watches match each callback number new to a watched brand`;

    // (4) The slices, at full speed: one client, each batch sent when the last is answered. First, untimed,
    //     one batch with the watches and one without: the API's code and Neo4j's plans for both warm.
    const requests: Request[] = [];
    const requestOf = new Map<string, number>();
    const slices: SliceFigure[] = [];
    const windows: { from: number; to: number; watched: boolean }[] = [];
    const warmUp = 2 * BATCH;
    const total = options.reports.to - options.reports.from - warmUp;
    const watchedAt = (slice: number) => (slice < 0 ? slice === -2 : slice % 4 === 1 || slice % 4 === 2);
    let parked = false;
    for (let slice = -2; slice < options.slices; slice++) {
      const watched = watchedAt(slice);
      if (watched === parked) {
        if (!watched) await settle(Date.now() + options.timeoutMs); // the watched slice's alerts, before the watches go
        await runBenchCypher(options.driver, watched ? 'unpark-watches' : 'park-watches');
        parked = !watched;
      }
      const [from, to] =
        slice < 0
          ? [options.reports.from + (slice + 2) * BATCH, options.reports.from + (slice + 3) * BATCH]
          : [
              options.reports.from + warmUp + Math.floor((total * slice) / options.slices),
              options.reports.from + warmUp + Math.floor((total * (slice + 1)) / options.slices),
            ];
      const started = Date.now();
      let index = from - options.reports.from;
      for await (const batch of reportBatches({ ...options.reports, from, to }, BATCH)) {
        const reports = batch.map((report) => plant(report, index++));
        const sent = Date.now();
        const { submitReports } = await ask(options.adminKey, SUBMIT, { r: reports });
        const answered = Date.now();
        const outcomes = submitReports as { report: { id: string } | null; errors: { code: string; message: string }[] }[];
        const refused = outcomes.find((outcome) => outcome.errors.length > 0);
        if (refused) throw new Error(`submitReports refused a report: ${JSON.stringify(refused.errors)}`);
        for (const outcome of outcomes) if (outcome.report) requestOf.set(outcome.report.id, requests.length);
        requests.push({ sent, answered });
      }
      const seconds = (Date.now() - started) / 1000;
      if (slice < 0) continue;
      windows.push({ from: started, to: Date.now(), watched });
      // To the ms: a slice of one batch takes about half a second, and a tenth would round the rates by up to 10%.
      slices.push({
        watched,
        reports: to - from,
        seconds: Number(seconds.toFixed(3)),
        reportsPerSecond: Math.round((to - from) / seconds),
      });
      log(
        `alerts: slice ${slice + 1} of ${options.slices} (${watched ? 'watched' : 'no watches'}): ${slices.at(-1)!.reportsPerSecond} reports/s`,
      );
    }
    if (!parked) await settle(Date.now() + options.timeoutMs);
    const planning = planningIn(windows, await runBenchCypher(options.driver, 'query-compile-times'));

    // (5) What arrived, against what the outbox holds.
    const expected = await outbox();
    const figures = (arrivals: Map<string, number>, repeats: number, rejected: number): ChannelFigures => {
      const fromAnswer: number[] = [];
      const fromSent: number[] = [];
      for (const alert of expected) {
        const at = arrivals.get(alert.id);
        const request = alert.reportId === null ? undefined : requests[requestOf.get(alert.reportId) ?? -1];
        if (at === undefined || request === undefined) continue;
        fromAnswer.push(at - request.answered);
        fromSent.push(at - request.sent);
      }
      const delivered = expected.filter((alert) => arrivals.has(alert.id)).length;
      return {
        delivered,
        missing: expected.length - delivered,
        repeats,
        fromAnswer: spread(fromAnswer),
        fromSent: spread(fromSent),
        beforeAnswer: fromAnswer.filter((ms) => ms < 0).length,
        rejected,
      };
    };
    const hooks = webhookArrivals();
    const subs = subscriptionArrivals();
    const count = (values: string[]) =>
      values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});
    const rate = (watched: boolean) => {
      const own = slices.filter((s) => s.watched === watched);
      return Math.round(own.reduce((sum, s) => sum + s.reports, 0) / own.reduce((sum, s) => sum + s.seconds, 0));
    };
    const unattributed = expected.filter((alert) => alert.reportId === null || !requestOf.has(alert.reportId)).length;
    if (unattributed > 0) log(`alerts: ${unattributed} alerts name no report this phase sent; they are left out of the latencies`);
    return {
      watches,
      planted,
      reports: total,
      warmUp,
      batch: BATCH,
      slices,
      rate: { none: rate(false), watched: rate(true), ratio: Number((rate(true) / rate(false)).toFixed(3)) },
      planning,
      expected: expected.length,
      byEvent: count(expected.map((alert) => alert.event)),
      delivery: count(expected.map((alert) => alert.delivery)),
      webhook: figures(hooks.first, hooks.repeats, hooks.rejected),
      subscription: figures(subs.first, subs.repeats, subscription.errors.length),
      subscriptionErrors: subscription.errors.map((error) => String((error as Error).message ?? JSON.stringify(error)).slice(0, 200)),
      timeoutMs: options.timeoutMs,
      loadAverage: { start: loadAtStart.map((v) => Number(v.toFixed(2))), end: os.loadavg().map((v) => Number(v.toFixed(2))) },
    };
  } finally {
    await subscription.close();
    await receiver.close();
  }

  /** Every alert of the key, read back over the API. */
  async function outbox(): Promise<OutboxAlert[]> {
    const all: OutboxAlert[] = [];
    for (let after: string | null = null; ;) {
      const { alerts } = (await ask(analyst, ALERTS, { after })) as { alerts: OutboxAlert[] };
      all.push(...alerts);
      if (alerts.length < 1000) return all;
      after = alerts.at(-1)!.id;
    }
  }

  /** First arrival of each alert whose signature verifies with its watch's secret; later ones are repeats. */
  function webhookArrivals() {
    const first = new Map<string, number>();
    let repeats = 0;
    let rejected = 0;
    for (const { headers, body, at } of receiver.received) {
      const alert = JSON.parse(body) as { id: string; watch: { id: string } };
      const header = (name: string) => [headers[name]].flat()[0];
      const check = verifyWebhook(
        secrets.get(alert.watch.id) ?? '',
        { signature: header(SIGNATURE_HEADER), timestamp: header(TIMESTAMP_HEADER) },
        body,
      );
      if (!check.ok) rejected++;
      else if (first.has(alert.id)) repeats++;
      else first.set(alert.id, at);
    }
    return { first, repeats, rejected };
  }

  function subscriptionArrivals() {
    const first = new Map<string, number>();
    subscription.alerts.forEach((alert, i) => {
      if (!first.has(alert['id'] as string)) first.set(alert['id'] as string, subscription.arrivedAt[i]!);
    });
    return { first, repeats: subscription.alerts.length - first.size };
  }

  /** Waits until both channels hold every alert the outbox holds, or `deadline` passes (the rest are counted missing later). */
  async function settle(deadline: number): Promise<void> {
    for (;;) {
      const ids = (await outbox()).map((alert) => alert.id);
      const hooks = webhookArrivals().first;
      const subs = subscriptionArrivals().first;
      if (ids.every((id) => hooks.has(id) && subs.has(id)) || Date.now() > deadline) return;
      await sleep(250);
    }
  }
}

interface Planning {
  /** Compile time of every invocation started in these slices (ms); a cached plan costs a few ms. */
  readonly ms: number;
  /** The statements planned (20 ms or more), by first line, with their ms. */
  readonly planned: readonly string[];
}

/** Compile times (query-compile-times) summed over the watched slices and over the others. */
function planningIn(windows: readonly { from: number; to: number; watched: boolean }[], rows: Record<string, unknown>[]) {
  const of = (watched: boolean): Planning => {
    const inside = rows.filter(({ at }) =>
      windows.some((w) => w.watched === watched && (at as number) >= w.from && (at as number) <= w.to),
    );
    return {
      ms: round(inside.reduce((sum, row) => sum + (row['compileMs'] as number), 0)),
      planned: inside
        .filter((row) => (row['compileMs'] as number) >= 20)
        .map(
          (row) =>
            `${String(row['statement'])
              .replace(/^\/\/ ?/, '')
              .slice(0, 50)} (${round(row['compileMs'] as number)} ms)`,
        ),
    };
  };
  return { watched: of(true), none: of(false) };
}

function spread(samples: number[]): Spread {
  const { p50, p99 } = percentiles(samples);
  return { p50: round(p50), p99: round(p99), max: samples.length === 0 ? 0 : round(Math.max(...samples)) };
}

const planningText = ({ ms, planned }: Planning) =>
  `${ms} ms${planned.length > 0 ? ` (${planned.length} planned: ${planned.slice(0, 4).join('; ')}${planned.length > 4 ? '; …' : ''})` : ''}`;

export function alertLatencyMarkdown(result: AlertLatencyResult): string {
  const channel = (name: string, f: ChannelFigures) =>
    f.delivered === 0
      ? `| ${name} | 0 of ${result.expected} | ${f.missing} | ${f.repeats} | - | - | - | - | - | ${f.rejected} |`
      : `| ${name} | ${f.delivered} of ${result.expected} | ${f.missing} | ${f.repeats} | ${f.fromAnswer.p50} | ${f.fromAnswer.p99} | ${f.fromAnswer.max} | ` +
        `${f.fromSent.p50} / ${f.fromSent.p99} / ${f.fromSent.max} | ${f.beforeAnswer} | ${f.rejected} |`;
  const met = (f: ChannelFigures) => f.missing === 0 && f.fromAnswer.p99 < 1000;
  // The target bounds what watches cost (at most 10%); faster with them than without is the noise between slices, not a miss.
  const within = result.rate.ratio >= 0.9;
  const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(', ');
  return [
    `Alerts (issue 18): ${Object.entries(result.watches)
      .map(([kind, n]) => `${n} ${kind.toLowerCase()}`)
      .join(', ')} watches of one ANALYST key, each with a webhook to a receiver in the bench process (node:http, each request's HMAC ` +
      `signature verified with its watch's secret) and all on one graphql-ws subscription of the key; ${result.reports.toLocaleString('en-AU')} ` +
      `reports of a world of another seed (new to the graph) sent over the API at full speed, one client, batches of ${result.batch}, ` +
      `after ${result.warmUp.toLocaleString('en-AU')} untimed (a batch with the watches, one without), in ${result.slices.length} slices taken without watches and with them in turn (ABBA; "without": the same watches set aside, so the ` +
      `outbox sees a graph with none). Planted: ${result.planted}.`,
    '',
    `Latency: arrival less the answer to the submitReports request that wrote the alert (ms), and less when it was sent; ` +
      `alerts still missing ${result.timeoutMs / 1000} s after the last report of a watched run are counted missing, not timed. ` +
      'A request answers after its transaction commits and after the work that follows it (campaign assignment), so an alert can ' +
      'arrive before the answer (a negative latency); from the sending, it includes the whole request.',
    '',
    '| channel | delivered | missing | repeats | p50 from answer | p99 | max | from sent p50 / p99 / max | before the answer | refused |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    channel('webhook', result.webhook),
    channel('subscription', result.subscription),
    '',
    `Alerts written: ${result.expected} (${Object.entries(result.byEvent)
      .map(([event, n]) => `${event} ${n}`)
      .join(', ')}); webhook delivery states at the end: ${Object.entries(result.delivery)
      .map(([state, n]) => `${state} ${n}`)
      .join(
        ', ',
      )}. Target p99 under 1 s: webhook ${met(result.webhook) ? 'met' : 'not met'}, subscription ${met(result.subscription) ? 'met' : 'not met'}.` +
      (result.subscriptionErrors.length > 0 ? ` Subscription errors: ${result.subscriptionErrors.join('; ')}.` : ''),
    '',
    '| slice | watches | reports | seconds | reports/s |',
    '| ---: | --- | ---: | ---: | ---: |',
    ...result.slices.map(
      (s, i) => `| ${i + 1} | ${s.watched ? 'watched' : 'none'} | ${s.reports} | ${s.seconds} | ${s.reportsPerSecond} |`,
    ),
    '',
    `Ingest over the API: ${result.rate.none} reports/s with no watches, ${result.rate.watched} with them: ${result.rate.ratio.toFixed(2)} times; ` +
      `target (at least 0.9 times) ${within ? 'met' : 'not met'}. The watched slices' time includes the deliveries running beside them ` +
      `(claims, webhook requests, subscription reads) on the same machine. Neo4j's planning inside the slices (db.stats QUERIES ` +
      `compile times; a plan made or made again there, rather than taken from the cache): ${planningText(result.planning.watched)} in the watched ones, ` +
      `${planningText(result.planning.none)} in the others. Load average (1, 5, 15 min) ${load(result.loadAverage.start)} at the phase's start, ` +
      `${load(result.loadAverage.end)} at its end.`,
    '',
  ].join('\n');
}
