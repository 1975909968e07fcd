import { afterAll, describe, expect, it } from 'vitest';
import { STATEMENTS, loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { testDriver } from '../helpers/neo4j.js';

const driver = testDriver();
afterAll(() => driver.close());

describe('every statement in cypher/', () => {
  const registry = loadCypherRegistry();

  it.each(STATEMENTS.filter((name) => !name.startsWith('schema/')))('%s compiles (EXPLAIN)', async (name) => {
    const statement = registry.get(name)!;
    const params = Object.fromEntries([...statement.parameters].map((key) => [key, null]));
    const session = driver.session();
    try {
      const result = await session.run(`EXPLAIN ${statement.text}`, params);
      expect(result.summary.plan).toBeTruthy();
    } finally {
      await session.close();
    }
  });
});
