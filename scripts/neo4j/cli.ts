// npm run neo4j:start | neo4j:stop | neo4j:status | neo4j:fetch
// NEO4J_PORT (default 7687) and NEO4J_HOME (default .neo4j/default) choose the server.
import path from 'node:path';
import { boltUri, defaultHome, fetchNeo4j, projectRoot, runningPid, startLocalNeo4j, stopLocalNeo4j } from './runtime.js';

const log = (line: string) => console.log(`[neo4j] ${line}`);
const home = process.env.NEO4J_HOME ? path.resolve(projectRoot, process.env.NEO4J_HOME) : defaultHome('default');
const port = Number(process.env.NEO4J_PORT ?? 7687);


const commands: Record<string, () => Promise<void>> = {
  async start() {
    const { uri } = await startLocalNeo4j({ port, home, log, detached: true });
    console.log(uri);
  },
  async stop() {
    if (!(await stopLocalNeo4j(home, log))) log(`not running in ${home}`);
  },
  async status() {
    const pid = await runningPid(home);
    log(pid === undefined ? `not running in ${home}` : `running in ${home}, pid ${pid}, ${(await boltUri(home)) ?? 'unknown address'}`);
    process.exitCode = pid === undefined ? 3 : 0;
  },
  async fetch() {
    log(`jars in ${await fetchNeo4j(log)}`);
  },
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(`usage: tsx scripts/neo4j/cli.ts ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
