// `npm start`: the service on NEO4J_URI when set; otherwise on the project's own Neo4j (scripts/neo4j).
import { resolve } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { runService } from '../src/main.js';
import { startLocalNeo4j } from './neo4j/runtime.js';

const config = loadConfig();
const log = (message: string) => process.stderr.write(`${message}\n`);

async function start() {
  const neo4j = config.NEO4J_URI
    ? undefined
    : await startLocalNeo4j({
        port: config.NEO4J_PORT,
        home: resolve(config.NEO4J_HOME),
        heap: config.NEO4J_HEAP,
        pageCache: config.NEO4J_PAGECACHE,
        log,
        // Signals are handled below: requests drain before Neo4j stops.
        stopOnSignals: false,
      });
  try {
    return { neo4j, service: await runService(config, config.NEO4J_URI ?? (neo4j as { uri: string }).uri) };
  } catch (error) {
    await neo4j?.stop();
    throw error;
  }
}

const starting = start();

// Listening from the first moment: a signal during start-up waits for it, then stops everything.
let stopping = false;
function shutdown(why: string) {
  if (stopping) return;
  stopping = true;
  log(`scamgraph: ${why}, draining requests`);
  void starting
    .then(async ({ service, neo4j }) => {
      try {
        await service.stop();
      } finally {
        await neo4j?.stop();
      }
    })
    .then(
      () => process.exit(0),
      (error: unknown) => {
        log(`scamgraph: stopped after an error: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));

// `npm start` runs this under a shell that dies on SIGTERM without passing it on, and npm then
// exits too: a server whose parent is gone stops as if signalled, rather than serving on unseen.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown(`parent process ${parent} exited`);
}, 250).unref();

const { service, neo4j: ownNeo4j } = await starting;
const neo4jPid = ownNeo4j ? `, Neo4j pid ${ownNeo4j.pid}` : '';
const lane = await service.heavyLane();
log(`scamgraph: GraphQL at ${service.url} (pid ${process.pid}${neo4jPid}${lane ? `, heavy lane pid ${lane.pid}` : ''})`);
// Off the start-up's path (serving already): a failure costs the first search its planning time, nothing more.
const warming = performance.now();
service.warm().then(
  () => log(`scamgraph: the explorer's statements planned in ${Math.round(performance.now() - warming)} ms`),
  (error: unknown) =>
    log(`scamgraph: planning the explorer's statements failed: ${error instanceof Error ? error.message : String(error)}`),
);
if (service.firstAdminKey) {
  // Printed here once, never logged: the graph keeps only its hash.
  process.stdout.write(
    `\nFirst start: an ADMIN API key was created. It is shown only now:\n\n  ${service.firstAdminKey}\n\n` +
      'Send it as "Authorization: Bearer <key>"; create others with createApiKey or npm run api-key.\n\n',
  );
}
