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
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`scamgraph: ${signal}, draining requests`);
    void starting
      .then(async ({ service, neo4j }) => {
        await service.stop();
        await neo4j?.stop();
      })
      .finally(() => process.exit(0));
  });
}

const { service } = await starting;
log(`scamgraph: GraphQL at ${service.url}`);
if (service.firstAdminKey) {
  // Printed here once, never logged: the graph keeps only its hash.
  process.stdout.write(`\nFirst start: an ADMIN API key was created. It is shown only now:\n\n  ${service.firstAdminKey}\n\n` +
    'Send it as "Authorization: Bearer <key>"; create others with createApiKey or npm run api-key.\n\n');
}
