// A local Neo4j Community server with GDS and APOC, run from Maven Central jars (no Docker).
// Facts behind the choices below: /work/shared/NEO4J-RUNTIME.md and the comments in pom.xml.
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { projectRoot as findProjectRoot } from '../../src/config/project-root.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { classArchivePath, failedMarker, javaCommand } from './class-archive.js';
import { freePort } from './free-port.js';

export type Log = (line: string) => void;

// From the project root, not this file: compiled, it runs from dist/scripts/neo4j.
export const projectRoot = findProjectRoot();
const pomPath = path.join(projectRoot, 'scripts', 'neo4j', 'pom.xml');
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

export const defaultHome = (name: string) => path.join(projectRoot, '.neo4j', name);

export interface RuntimeVersions {
  neo4j: string;
  gds: string;
  apoc: string;
}

/** The pom is the one place versions are pinned. */
export async function readVersions(): Promise<RuntimeVersions> {
  const pom = await readFile(pomPath, 'utf8');
  const prop = (name: string) => {
    const value = new RegExp(`<${name}>([^<]+)</${name}>`).exec(pom)?.[1];
    if (!value) throw new Error(`${pomPath} has no <${name}>`);
    return value;
  };
  return { neo4j: prop('neo4j.version'), gds: prop('gds.version'), apoc: prop('apoc.version') };
}

/** Ensures `<cache>/lib` and `<cache>/plugins` hold the jars; returns the cache directory. */
export async function fetchNeo4j(log: Log = () => {}): Promise<string> {
  const v = await readVersions();
  const dir = path.join(projectRoot, '.cache', 'neo4j', `${v.neo4j}-gds${v.gds}-apoc${v.apoc}`);
  // Written last, so an interrupted fetch leaves no marker and is redone from scratch.
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;

  const started = Date.now();
  log(`fetching Neo4j ${v.neo4j}, GDS ${v.gds}, APOC ${v.apoc} with Maven into ${path.relative(projectRoot, dir)}`);
  await rm(dir, { recursive: true, force: true });
  const all = path.join(dir, 'all');
  try {
    await promisify(execFile)(
      'mvn',
      ['-B', '-q', '-f', pomPath, 'dependency:copy-dependencies', `-DoutputDirectory=${all}`, '-Dmdep.prependGroupId=true'],
      { maxBuffer: 64 << 20 },
    );
  } catch (error) {
    // Maven reports build errors on stdout, which execFile's message leaves out.
    const { message, stdout = '' } = error as Error & { stdout?: string };
    throw new Error(`fetching the Neo4j jars with Maven failed: ${message}\n${stdout}`.trim(), { cause: error });
  }
  // Neo4j scans only server.directories.plugins for procedures, so GDS and APOC go there;
  // the group id prefix (-Dmdep.prependGroupId) is what tells them apart.
  await mkdir(path.join(dir, 'lib'));
  await mkdir(path.join(dir, 'plugins'));
  const jars = await readdir(all);
  for (const jar of jars) {
    const isPlugin = jar.startsWith('org.neo4j.gds.') || jar.startsWith('org.neo4j.procedure.');
    await rename(path.join(all, jar), path.join(dir, isPlugin ? 'plugins' : 'lib', jar));
  }
  await rm(all, { recursive: true });
  await writeFile(marker, `${JSON.stringify(v)}\n`);
  log(`fetched ${jars.length} jars in ${seconds(started)} s`);
  return dir;
}

export interface StartOptions {
  port: number;
  /** Holds conf/, data/, logs/ and run/neo4j.pid; default `.neo4j/default`. */
  home?: string;
  /** -Xms and -Xmx. Sized for 2 cores / 24 GiB shared with Node and the tests. */
  heap?: string;
  pageCache?: string;
  log?: Log;
  /** Delete data/ first so the server starts empty (tests). */
  wipeData?: boolean;
  /** Leave the server running after this process exits (CLI `start`). */
  detached?: boolean;
  /**
   * Stop the server on SIGTERM/SIGHUP of this process (default). A caller that drains its own
   * work first (npm start) handles the signals itself and passes false; exit still stops it.
   */
  stopOnSignals?: boolean;
  timeoutMs?: number;
  /** neo4j.conf lines after the project's own (the test server's tuning). */
  settings?: Readonly<Record<string, string>>;
  /** Map the class archive (made first when there is none; scripts/neo4j/class-archive.ts). Default true. */
  classSharing?: boolean;
  /** JVM options after the project's own. */
  jvmOptions?: readonly string[];
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** SIGTERM, then SIGKILL after `timeoutMs` (stopPid's 30 s by default). */
  stop(timeoutMs?: number): Promise<void>;
}

// Neo4j's own pid file (it removes it on a clean shutdown); written here too, right after
// spawning, so a JVM that dies before writing it still leaves its pid behind.
const pidFile = (home: string) => path.join(home, 'run', 'neo4j.pid');
const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name);
  } catch {
    /* already gone */
  }
};

/** The Bolt URI a server in `home` was configured with (its conf/neo4j.conf); undefined before its first start. */
export async function boltUri(home: string): Promise<string | undefined> {
  const conf = await readFile(path.join(home, 'conf', 'neo4j.conf'), 'utf8').catch(() => '');
  const address = /^server\.bolt\.listen_address=(.+)$/m.exec(conf)?.[1];
  return address ? `bolt://${address.trim()}` : undefined;
}

/** A process that has exited but was not reaped (PID 1 here is no init) still answers kill(pid, 0). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(pid, 0) has to do
  }
}

/** Pid of the Neo4j server that owns `home`, or undefined when none is running. */
export async function runningPid(home: string): Promise<number | undefined> {
  const pid = Number((await readFile(pidFile(home), 'utf8').catch(() => '')).trim());
  if (!pid || !isAlive(pid)) return undefined;
  // Guards against a stale pid file whose pid now belongs to some other process.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('CommunityEntryPoint') ? pid : undefined;
  } catch {
    return pid;
  }
}

/** SIGTERM (Neo4j checkpoints and exits), then SIGKILL if it is still there after `timeoutMs`. */
export async function stopPid(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  signal(pid, 'SIGTERM');
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      signal(pid, 'SIGKILL');
      while (isAlive(pid)) await sleep(100);
      return;
    }
    await sleep(100);
  }
}

export async function stopLocalNeo4j(home: string, log: Log = () => {}): Promise<boolean> {
  const pid = await runningPid(home);
  if (pid === undefined) return false;
  const started = Date.now();
  await stopPid(pid);
  await rm(pidFile(home), { force: true });
  log(`stopped Neo4j (pid ${pid}) in ${seconds(started)} s`);
  return true;
}

/**
 * Ctrl-C reaches the JVM through the process group; these cover a runner that exits without
 * teardown or gets SIGTERM/SIGHUP on its own (CI timeouts, IDE stop buttons). Returns the undo.
 */
function stopWithThisProcess(pid: number, onSignals: boolean): () => void {
  const onExit = () => signal(pid, 'SIGTERM');
  if (!onSignals) {
    process.once('exit', onExit);
    return () => process.off('exit', onExit);
  }
  const onSignal = (name: NodeJS.Signals) => {
    signal(pid, 'SIGTERM');
    // When nothing else listens, Node would have exited on this signal: keep that behaviour.
    if (process.listenerCount(name) === 0) process.kill(process.pid, name);
  };
  process.once('exit', onExit).once('SIGTERM', onSignal).once('SIGHUP', onSignal);
  return () => process.off('exit', onExit).off('SIGTERM', onSignal).off('SIGHUP', onSignal);
}

/** Checked before start: otherwise the readiness probe would be answered by whoever holds the port. */
const portInUse = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
      .once('connect', () => {
        socket.destroy();
        resolve(true);
      })
      .once('error', () => resolve(false));
  });

function neo4jConf(port: number, plugins: string, pageCache: string, settings: StartOptions['settings'] = {}): string {
  return `# Written by scripts/neo4j/runtime.ts on every start: change it there.
server.default_listen_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:${port}
server.bolt.advertised_address=127.0.0.1:${port}
server.bolt.tls_level=DISABLED
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=false
server.directories.plugins=${plugins}
dbms.security.procedures.unrestricted=gds.*,apoc.*
server.memory.pagecache.size=${pageCache}
dbms.usage_report.enabled=false
# Otherwise every database preallocates a 256 MiB transaction log.
db.tx_log.preallocate=false
# Otherwise Bolt waits 2 x 5 s for idle worker threads on every shutdown.
internal.server.bolt.thread_pool_shutdown_wait_time=0s
internal.server.bolt.connection_shutdown_wait_time=0s
${Object.entries(settings)
  .map(([key, value]) => `${key}=${value}\n`)
  .join('')}`;
}

/** Last lines of this run's neo4j.log (stack frames dropped) and of the JVM's own output. */
async function logTail(home: string, neo4jLogOffset: number): Promise<string> {
  const tail = async (file: string, offset: number) => {
    const text = (await readFile(file, 'utf8').catch(() => '')).slice(offset);
    return text
      .split('\n')
      .filter((l) => l.trim() && !/^\s+(at |\.\.\. \d+ more)/.test(l))
      .slice(-25)
      .join('\n');
  };
  const sections = [];
  for (const [name, offset] of [
    ['neo4j.log', neo4jLogOffset],
    ['console.log', 0],
  ] as const) {
    const file = path.join(home, 'logs', name);
    const text = await tail(file, offset);
    if (text) sections.push(`--- ${file} ---\n${text}`);
  }
  return sections.join('\n');
}

export async function startLocalNeo4j(options: StartOptions): Promise<LocalNeo4j> {
  const { port, heap = '1g', pageCache = '512m', log = () => {}, timeoutMs = 120_000 } = options;
  const home = path.resolve(options.home ?? defaultHome('default'));
  const cache = await fetchNeo4j(log);

  const owner = await runningPid(home);
  if (owner !== undefined) {
    throw new Error(
      `Neo4j (pid ${owner}) already runs in ${home}; stop it first ` +
        `(NEO4J_HOME=${path.relative(projectRoot, home)} npm run neo4j:stop) or use another home`,
    );
  }
  if (await portInUse(port)) throw new Error(`port ${port} on 127.0.0.1 is already in use; choose another (NEO4J_PORT)`);
  if (options.wipeData) await rm(path.join(home, 'data'), { recursive: true, force: true });
  for (const dir of ['conf', 'logs', 'run']) await mkdir(path.join(home, dir), { recursive: true });
  await writeFile(path.join(home, 'conf', 'neo4j.conf'), neo4jConf(port, path.join(cache, 'plugins'), pageCache, options.settings));
  const neo4jLog = path.join(home, 'logs', 'neo4j.log');
  const logOffset = await stat(neo4jLog).then(
    (s) => s.size,
    () => 0,
  );

  const java = javaCommand();
  const sharing = options.classSharing === false ? [] : await classSharingOptions(cache, java, log);
  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    // Neo4j's shipped JVM flags for Java 17; without the add-opens start-up fails.
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dlog4j2.disable.jmx=true',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    ...sharing,
    ...(options.jvmOptions ?? []),
    // Plugins on the class path too: GDS registers its kernel extension through ServiceLoader.
    '-cp',
    `${path.join(cache, 'plugins', '*')}${path.delimiter}${path.join(cache, 'lib', '*')}`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${home}`,
    `--config-dir=${path.join(home, 'conf')}`,
  ];
  // A file, not a pipe: nobody reads a detached server's pipe, and a full pipe blocks the JVM.
  const output = openSync(path.join(home, 'logs', 'console.log'), 'w');
  const started = Date.now();
  log(`starting Neo4j on 127.0.0.1:${port} in ${path.relative(projectRoot, home) || home}`);
  // A process group of its own: a Ctrl-C in the terminal reaches this process alone, which stops
  // Neo4j once its own work has drained (npm start) or at exit, never before.
  const child = spawn(java, args, { cwd: home, detached: true, stdio: ['ignore', output, output] });
  closeSync(output);
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject)).catch((error: Error) => {
    throw new Error(`cannot run ${java} (install Java 17 or set JAVA_HOME): ${error.message}`);
  });
  const pid = child.pid!;
  await writeFile(pidFile(home), `${pid}\n`);
  if (options.detached) child.unref();
  const unbind = options.detached ? () => {} : stopWithThisProcess(pid, options.stopOnSignals ?? true);

  const stop = async (timeoutMs?: number) => {
    unbind();
    await stopPid(pid, timeoutMs);
    await rm(pidFile(home), { force: true });
  };
  const uri = `bolt://127.0.0.1:${port}`;
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2_000, logging: { level: 'error', logger: () => {} } });
  try {
    for (;;) {
      if (!isAlive(pid)) {
        const code = child.exitCode === null ? '' : ` with code ${child.exitCode}`;
        await stop();
        throw new Error(`Neo4j exited during start-up${code}\n${await logTail(home, logOffset)}`);
      }
      if (Date.now() - started > timeoutMs) {
        await stop();
        throw new Error(`Neo4j did not answer on ${uri} within ${timeoutMs / 1000} s\n${await logTail(home, logOffset)}`);
      }
      const session = driver.session();
      // session.run, not executeQuery: managed transactions retry for 30 s on their own.
      const ready = await session
        .run('RETURN 1')
        .then(
          () => true,
          () => false,
        )
        .finally(() => session.close());
      if (ready) break;
      await sleep(250);
    }
  } finally {
    await driver.close();
  }
  log(`Neo4j ready on ${uri} (pid ${pid}) in ${seconds(started)} s`);
  return { uri, pid, stop };
}

/** -XX:SharedArchiveFile for this JVM's class archive of these jars, made first when there is none. */
async function classSharingOptions(cache: string, java: string, log: Log): Promise<string[]> {
  const archive = classArchivePath(cache, java);
  if (!archive || existsSync(failedMarker(archive))) return [];
  if (!existsSync(archive)) await makeClassArchive(archive, log);
  return existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [];
}

/** Statements a training server runs, so that the planner's, the runtime's and the procedures' classes are archived too. */
const TRAINING = [
  'CREATE INDEX training_id IF NOT EXISTS FOR (n:Training) ON (n.id)',
  'CALL db.awaitIndexes(60)',
  'UNWIND range(1, 200) AS i MERGE (n:Training {id: i}) SET n.at = datetime() WITH n WHERE n.id > 1 MATCH (m:Training {id: n.id - 1}) MERGE (m)-[:NEXT]->(n)',
  'MATCH (a:Training)-[:NEXT*1..3]->(b) WHERE a.id IN $ids WITH a, collect(DISTINCT b.id) AS ids RETURN a.id, size(ids) ORDER BY a.id',
  'CALL () { MATCH (n:Training) RETURN n } IN TRANSACTIONS OF 50 ROWS RETURN count(n) AS n',
  'SHOW PROCEDURES YIELD name WHERE name STARTS WITH "gds.version" OR name STARTS WITH "apoc.help" RETURN name',
];

/**
 * Once per JVM build and set of jars: a throwaway server runs a few statements and, as it exits, writes
 * every class it loaded to the archive (-XX:ArchiveClassesAtExit; 157 MB here, in the git-ignored jar
 * cache). 28.6 s here, against 3 to 5 s saved at each later start. Made under a name of this process's
 * and then renamed, so that two starts at once never map a half-written archive.
 */
async function makeClassArchive(archive: string, log: Log): Promise<void> {
  const started = Date.now();
  const partial = `${archive}.${process.pid}`;
  const home = path.join(path.dirname(archive), `training-${process.pid}`);
  log(`making the JVM's class archive, once (${path.relative(projectRoot, archive)})`);
  try {
    const server = await startLocalNeo4j({
      port: await freePort(),
      home,
      wipeData: true,
      classSharing: false,
      jvmOptions: [`-XX:ArchiveClassesAtExit=${partial}`],
    });
    const driver = neo4j.driver(server.uri, undefined, { logging: { level: 'error', logger: () => {} } });
    try {
      // Auto-commit, as CALL { } IN TRANSACTIONS needs.
      const session = driver.session();
      for (const statement of TRAINING) await session.run(statement, { ids: [1, 50, 100] });
      await session.close();
    } finally {
      await driver.close();
      // Writing the archive at exit took 10 s here: more than stopPid's usual wait on a busy machine.
      await server.stop(180_000);
    }
    await rename(partial, archive);
    log(`made the class archive in ${seconds(started)} s`);
  } catch (error) {
    await writeFile(failedMarker(archive), `${String(error)}\n`);
    log(`no class archive (${String(error).slice(0, 200)}); servers start without one`);
  } finally {
    await rm(home, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
