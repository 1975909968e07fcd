import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../../src/config/config.js';
import { UsageError } from '../../src/import/column-mapping.js';
import { boltUri, fetchNeo4j, runningPid, startLocalNeo4j, stopLocalNeo4j } from '../neo4j/runtime.js';

export const NEO4J_USAGE = `scamgraph neo4j start | stop | status | fetch
  The project's own Neo4j 5.26 (with GDS and APOC) in NEO4J_HOME on NEO4J_PORT: fetch gets the
  jars with Maven, start leaves it running for the API and the other commands (the first start
  on a machine also makes the JVM's class archive, about 30 s), status exits 3 when it is not running.`;

const log = (line: string) => process.stderr.write(`[neo4j] ${line}\n`);

/** Runs `scamgraph neo4j`; resolves to the process exit code. */
export async function neo4jCommand(args: readonly string[]): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const action = ACTIONS[positionals[0] ?? ''];
  if (!action || positionals.length !== 1) throw new UsageError(`neo4j takes one of ${Object.keys(ACTIONS).join(', ')}`);
  return action(loadConfig());
}

const homeOf = (config: Config) => path.resolve(config.NEO4J_HOME);

const ACTIONS: Readonly<Record<string, (config: Config) => Promise<number>>> = {
  async start(config) {
    const { NEO4J_PORT: port, NEO4J_HEAP: heap, NEO4J_PAGECACHE: pageCache } = config;
    const { uri } = await startLocalNeo4j({ port, home: homeOf(config), heap, pageCache, log, detached: true });
    process.stdout.write(`${uri}\n`);
    return 0;
  },
  async stop(config) {
    const home = homeOf(config);
    if (!(await stopLocalNeo4j(home, log))) log(`not running in ${home}`);
    return 0;
  },
  async status(config) {
    const home = homeOf(config);
    const pid = await runningPid(home);
    log(pid === undefined ? `not running in ${home}` : `running in ${home}, pid ${pid}, ${(await boltUri(home)) ?? 'unknown address'}`);
    return pid === undefined ? 3 : 0;
  },
  async fetch() {
    log(`jars in ${await fetchNeo4j(log)}`);
    return 0;
  },
};
