import { afterAll, describe, expect, it } from 'vitest';
import { STATEMENTS, loadCypherRegistry, type StatementName } from '../../src/graph/cypher-registry.js';
import { testDriver } from '../helpers/neo4j.js';

const driver = testDriver();
afterAll(() => driver.close());

const registry = loadCypherRegistry();
const names = STATEMENTS.filter((name) => !name.startsWith('schema/'));
// Graph Data Science statements only compile where the plugin is installed (campaign detection
// falls back to pure Cypher elsewhere).
const callsGds = (name: StatementName) => registry.get(name)!.text.includes('gds.');
const gdsInstalled = await (async () => {
  const session = driver.session();
  try {
    const result = await session.run(registry.get('reads/installed-plugins')!.text);
    return (result.records[0]?.get('procedures') as string[]).includes('gds.version');
  } finally {
    await session.close();
  }
})();

async function explain(name: StatementName) {
  const statement = registry.get(name)!;
  const params = Object.fromEntries([...statement.parameters].map((key) => [key, null]));
  const session = driver.session();
  try {
    const result = await session.run(`EXPLAIN ${statement.text}`, params);
    expect(result.summary.plan).toBeTruthy();
  } finally {
    await session.close();
  }
}

describe('every statement in cypher/', () => {
  it.each(names.filter((name) => !callsGds(name)))('%s compiles (EXPLAIN)', explain);

  describe.skipIf(!gdsInstalled)('with Graph Data Science', () => {
    it.each(names.filter(callsGds))('%s compiles (EXPLAIN)', explain);
  });
});
