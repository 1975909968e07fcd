import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { DeadlineExceededError, timeLeft } from '../graph/deadline.js';
import { isHeavy } from './cost-control.js';
import type { LaneWarmUp } from './lane-warm-up.js';

/** What the parent tells its heavy-lane process: the configuration to serve with, and where Neo4j is. */
export interface LaneStart {
  readonly config: Config;
  readonly uri: string;
}
/** What the heavy-lane process answers once it serves (or failed to). */
export type LaneReady = { readonly url: string } | { readonly error: string };
/** What the parent asks of its serving lane after a detection run: a warm-up (lane-warm-up.ts). */
export interface LaneWarm {
  readonly warm: true;
}
/** What the lane says of each warm-up it ran. */
export type LaneWarmed = { readonly warmedUp: LaneWarmUp } | { readonly warmUpFailed: string };

/** The header the heavy-lane process requires on every request: its port is reachable from this machine only, and only for the parent. */
export const LANE_TOKEN_HEADER = 'x-scamgraph-lane-token';

/** Running from src/ (tsx, vitest), the child needs tsx to load TypeScript; from dist/ it is plain JavaScript. */
const here = fileURLToPath(import.meta.url);
const CHILD = here.replace(/heavy-lane\.(ts|js)$/, `heavy-lane-process${extname(here)}`);
const LOADER = extname(here) === '.ts' ? ['--import', 'tsx'] : [];

/**
 * Heavy queries in a second API process. Measured with the flood scenario: while one key's evidence
 * packs and wide neighbourhoods ran here, their CPU (decoding large Bolt results, building packs,
 * serialising megabytes) held this process's event loop for 100 to 700 ms at a time, and an
 * analyst's 5 ms lookup waited behind it. The cost control still decides here what is heavy, charges
 * the key and takes the heavy slot; the query then runs in the lane process, a full scamgraph on a
 * loopback port that answers only this process (a token), with its own event loop, heap and driver.
 * Only queries go there: a mutation always runs here, once. If the lane is down, the query runs
 * here as before, and the lane starts again.
 */
export class HeavyLane {
  private child: ChildProcess | null = null;
  private url: Promise<string> | null = null;
  private stopped = false;
  private readonly token = randomBytes(24).toString('hex');

  constructor(
    private readonly config: Config,
    private readonly uri: string,
    private readonly logger: Logger,
  ) {}

  /** Starts the lane process and waits until it serves (or failed: then heavy queries run here). */
  async start(): Promise<void> {
    await this.ensure().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'heavy lane did not start; heavy queries run in this process'),
    );
  }

  /** The lane process while it runs: its pid and the loopback address it serves on. */
  async running(): Promise<{ pid: number; url: string } | undefined> {
    const [child, url] = [this.child, await this.url?.catch(() => undefined)];
    return child?.pid !== undefined && url ? { pid: child.pid, url } : undefined;
  }

  /**
   * The answer of the lane process to one query as the client sent it, as the JSON text it wrote, or
   * null when the lane is unavailable (the query then runs here).
   */
  async forward(body: unknown, authorization: string | undefined): Promise<{ status: number; text: string } | null> {
    let url: string;
    try {
      url = await this.ensure();
    } catch {
      return null;
    }
    const left = timeLeft() ?? this.config.REQUEST_DEADLINE_MS;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [LANE_TOKEN_HEADER]: this.token, ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(left),
      });
    } catch (error) {
      throwIfTimedOut(error);
      // The lane went away (it starts again on the next heavy query): this one runs here.
      this.logger.warn({ err: error }, 'heavy lane unreachable; running the query in this process');
      return null;
    }
    // The lane is a scamgraph too: every answer it gives (Apollo's, or a body or token refusal) is JSON.
    // Anything else is a fault, answered as one rather than passed on.
    if (!/\bjson\b/.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel();
      throw new Error(`the heavy lane answered ${response.status} without JSON`);
    }
    try {
      return { status: response.status, text: await response.text() };
    } catch (error) {
      throwIfTimedOut(error);
      throw error;
    }
  }

  /** Has a serving lane warm up again (lane-warm-up.ts); a lane not running warms up when it starts. */
  warm(): void {
    // With a callback, a channel closing meanwhile is reported there, not as an 'error' event nobody handles.
    if (this.child?.connected && !this.stopped) this.child.send({ warm: true } satisfies LaneWarm, () => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // The lane drains its requests and closes its driver on disconnect (heavy-lane-process.ts).
    child.disconnect();
    const killer = setTimeout(() => child.kill('SIGKILL'), this.config.REQUEST_DEADLINE_MS + 5_000);
    await exited;
    clearTimeout(killer);
  }

  private ensure(): Promise<string> {
    if (this.stopped) return Promise.reject(new Error('the heavy lane is stopped'));
    this.url ??= this.spawn().catch((error: unknown) => {
      this.url = null;
      throw error;
    });
    return this.url;
  }

  private spawn(): Promise<string> {
    const child = fork(CHILD, [], { execArgv: LOADER, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    this.child = child;
    yieldCpu(child.pid, this.logger);
    child.once('exit', (code, signal) => {
      this.child = null;
      this.url = null;
      if (!this.stopped) this.logger.warn({ code, signal }, 'heavy lane exited; it starts again on the next heavy query');
    });
    // A failed warm-up costs the first search its compile time, nothing more: a warning, never a fault.
    child.on('message', (message: LaneReady | LaneWarmed) => {
      if ('warmedUp' in message) this.logger.debug({ warmUp: message.warmedUp }, 'heavy lane warmed up');
      if ('warmUpFailed' in message) this.logger.warn({ err: message.warmUpFailed }, 'heavy lane warm-up failed');
    });
    const config: Config = {
      ...this.config,
      HOST: '127.0.0.1',
      PORT: 0,
      HEAVY_LANE: 'inline',
      HEAVY_LANE_TOKEN: this.token,
      // Charged, limited and given its heavy slot by this process already.
      COST_BUDGET_PER_MINUTE: Number.MAX_SAFE_INTEGER,
      RATE_LIMIT_PER_MINUTE: Number.MAX_SAFE_INTEGER,
      MAX_IN_FLIGHT_PER_KEY: Number.MAX_SAFE_INTEGER,
      HEAVY_FROM: Number.MAX_SAFE_INTEGER,
      // Every read there is a heavy operation's: they keep the heavy share of Neo4j.
      READS_PER_KEY: this.config.HEAVY_READS,
      // Only this process delivers alerts and runs scheduled detection.
      ALERT_DELIVERY: false,
      CAMPAIGN_SCHEDULE_MINUTES: 0,
    };
    return new Promise<string>((resolve, reject) => {
      child.once('message', (ready: LaneReady) => {
        if (!('url' in ready)) return reject(new Error(ready.error));
        resolve(ready.url);
        // The first fetch() of a process loads undici's code (53 ms of this event loop in a CPU profile of the flood
        // scenario), which the first heavy query forwarded paid with every cheap read behind it: one forward now, answer ignored.
        this.forward({ query: '{ __typename }' }, undefined).catch(() => {});
      });
      child.once('exit', (code) => reject(new Error(`heavy lane exited (${code}) before serving`)));
      child.send({ config, uri: this.uri } satisfies LaneStart);
    });
  }
}

function throwIfTimedOut(error: unknown): void {
  if (error instanceof Error && error.name === 'TimeoutError') throw new DeadlineExceededError('the heavy lane did not answer in time');
}

/**
 * The lane's answer travels through Apollo as a placeholder result carrying its text under this
 * symbol, and `stringifyResult` writes that text as it came. Parsing it here and serialising it
 * again is CPU on this process's event loop in proportion to the answer (hundreds of KB for 18
 * neighbourhoods of 500 nodes, MB for packs): the very work the lane is there to keep away from
 * cheap reads. The text is already a formatted result: the lane ran formatError and excerpted
 * inputs itself.
 */
const LANE_TEXT = Symbol('scamgraph.heavy-lane.text');
type LaneExtensions = { [LANE_TEXT]?: string };

/**
 * Apollo's `stringifyResult` (its default, plus the lane's text): a result forwarded from the lane is
 * written as the lane wrote it, any other as JSON with a newline, as Apollo writes it.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  return (result.extensions as LaneExtensions | undefined)?.[LANE_TEXT] ?? `${JSON.stringify(result)}\n`;
}

/**
 * Whether the lane's answer carries errors, without parsing it: Apollo writes `errors` first when
 * there are any (its orderExecutionResultFields), and so do the lane's refusals of a body or token.
 */
const hasErrors = (text: string) => text.startsWith('{"errors":');

/** Sends the queries the cost control found heavy to the lane; everything else, and any query when the lane is down, runs here. */
export function heavyLaneForwarding<Context extends BaseContext>(lane: HeavyLane): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ request, operation }) {
          if (operation.operation !== 'query' || !isHeavy(request)) return null;
          const { query, variables, operationName, extensions } = request;
          const answer = await lane.forward({ query, variables, operationName, extensions }, request.http?.headers.get('authorization'));
          if (!answer) return null;
          // Only `errors` is read here (metrics count the outcome, observe-operations.ts); the text is what the client gets.
          const singleResult: FormattedExecutionResult = {
            ...(hasErrors(answer.text) ? { errors: [{ message: 'the heavy lane answered with errors' }] } : {}),
            extensions: { [LANE_TEXT]: answer.text } as LaneExtensions as Record<string, unknown>,
          };
          return { http: { status: answer.status, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
        },
      };
    },
  };
}

/**
 * The lane process runs at a lower CPU priority (nice 10): where cores are few, a cheap read's
 * request in this process gets the CPU before a pack is serialised over there. Lowering one's own
 * child's priority needs no privilege; where the platform refuses, the lane runs at normal priority.
 */
function yieldCpu(pid: number | undefined, logger: Logger): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, LANE_NICENESS);
  } catch (error) {
    logger.warn({ err: error }, 'heavy lane runs at normal CPU priority');
  }
}

const LANE_NICENESS = 10;
