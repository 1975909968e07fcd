// Loads a brand registry file into the graph through the same validation as upsertBrand.
//   npm run brands:load -- data/brands.demo.json
// File: { "brands": [{ slug, name, aliases?, officialNumbers?, officialDomains? }] }. Talks to
// NEO4J_URI, or to the project's own Neo4j on NEO4J_PORT (npm run neo4j:start).
import { BrandService } from '../src/brands/brand.service.js';
import { registerBrandsFile } from '../src/brands/brand-registry-file.js';
import { loadConfig } from '../src/config/config.js';
import { loadCypherRegistry } from '../src/graph/cypher-registry.js';
import { createDriver } from '../src/graph/driver.js';
import { GraphExecutor } from '../src/graph/executor.js';
import { applyMigrations } from '../src/graph/migrations.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: load-brands <registry.json>\n');
  process.exit(2);
}
const config = loadConfig();
const driver = createDriver({
  uri: config.NEO4J_URI ?? `bolt://127.0.0.1:${config.NEO4J_PORT}`,
  user: config.NEO4J_USER,
  password: config.NEO4J_PASSWORD,
});
try {
  const graph = new GraphExecutor(driver, loadCypherRegistry(), config.NEO4J_DATABASE);
  await applyMigrations(graph);
  const { loaded, refused } = await registerBrandsFile(new BrandService(graph), file);
  for (const slug of loaded) process.stdout.write(`loaded ${slug}\n`);
  for (const { slug, errors } of refused) process.stdout.write(`refused ${slug}: ${JSON.stringify(errors)}\n`);
  if (refused.length > 0) process.exitCode = 1;
} finally {
  await driver.close();
}
