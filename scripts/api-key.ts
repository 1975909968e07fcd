// API keys from the command line, for operators: the same service as the admin mutations.
//   npm run api-key -- create <name> <REPORTER|ANALYST|ADMIN>
//   npm run api-key -- revoke <id>
//   npm run api-key -- list
// Talks to NEO4J_URI, or to the project's own Neo4j on NEO4J_PORT (start it with npm run neo4j:start).
import { ApiKeyService } from '../src/auth/api-key.service.js';
import { ROLES, type Role } from '../src/auth/roles.js';
import { loadConfig } from '../src/config/config.js';
import { loadCypherRegistry } from '../src/graph/cypher-registry.js';
import { createDriver } from '../src/graph/driver.js';
import { GraphExecutor } from '../src/graph/executor.js';

const config = loadConfig();
const driver = createDriver({
  uri: config.NEO4J_URI ?? `bolt://127.0.0.1:${config.NEO4J_PORT}`,
  user: config.NEO4J_USER,
  password: config.NEO4J_PASSWORD,
});
const keys = new ApiKeyService(new GraphExecutor(driver, loadCypherRegistry(), config.NEO4J_DATABASE), undefined);
const [command, ...args] = process.argv.slice(2);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

try {
  if (command === 'create' && args.length === 2 && ROLES.includes(args[1] as Role)) {
    print(await keys.create(args[0] as string, args[1] as Role));
  } else if (command === 'revoke' && args.length === 1) {
    print((await keys.revoke(args[0] as string)) ?? `no API key with id ${args[0]}`);
  } else if (command === 'list') {
    print(await keys.list());
  } else {
    process.stderr.write(`usage: api-key create <name> <${ROLES.join('|')}> | revoke <id> | list\n`);
    process.exitCode = 2;
  }
} finally {
  await driver.close();
}
