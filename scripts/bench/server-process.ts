import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../../src/config/project-root.js';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** The heavy-lane process's pid as the serving line names it (scripts/start.ts), or null when it names none. */
  readonly lanePid: number | null;
  /**
   * True once the server says its start-up warm-up ended (scripts/start.ts: the explorer's statements
   * planned, or failed to be); false when `timeoutMs` passed first, as it does for a server that does none.
   */
  warmedUp(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/** The line a server script writes to stderr once it serves: "<name>: GraphQL at <url>". */
const SERVING = /: GraphQL at (http:\/\/\S+)/;
const LANE_PID = /heavy lane pid (\d+)/;
/** scripts/start.ts's line once its warm-up (NeighbourhoodSummaryService.warm) ended, either way. */
const WARMED = /the explorer's statements planned in|planning the explorer's statements failed/;

/** Compiles src and scripts to dist/ (as `npm start` does), so the servers run as deployed. */
export function buildServers(): void {
  const built = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: projectRoot(), stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`tsc -p tsconfig.build.json exited with ${String(built.status)}`);
}

/**
 * Runs a compiled server script (dist/, after buildServers) in a process of its own, as it is
 * deployed: the load generator's work and garbage, and the other server's, never land in its timings.
 */
export function startServerProcess(script: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join('dist', script)], { cwd: projectRoot(), env, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let markWarm = () => {};
  const warm = new Promise<boolean>((resolve) => (markWarm = () => resolve(true)));
  const warmedUp = async (timeoutMs: number) => {
    const timer = new AbortController();
    try {
      return await Promise.race([warm, sleep(timeoutMs, false, { signal: timer.signal })]);
    } finally {
      timer.abort(); // the timer ends with the race: it keeps no process alive
    }
  };
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    const fail = (why: string) => {
      void stop();
      reject(new Error(`${script} ${why}; its last lines:\n${tail.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`did not serve within ${timeoutMs / 1000} s`), timeoutMs);
    const exitedEarly = (code: number | null) => fail(`exited with ${String(code)} before serving`);
    child.once('exit', exitedEarly);
    createInterface({ input: child.stderr }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      if (WARMED.test(line)) markWarm();
      const url = SERVING.exec(line)?.[1];
      if (url && child.pid) {
        clearTimeout(timer);
        child.off('exit', exitedEarly);
        const lanePid = LANE_PID.exec(line)?.[1];
        resolve({ url, pid: child.pid, lanePid: lanePid ? Number(lanePid) : null, warmedUp, stop });
      }
    });
  });
}
