import { describe, expect, it } from 'vitest';
import { loadCypherRegistry, STATEMENTS } from '../../src/graph/cypher-registry.js';
import { schemaName } from '../../src/graph/migrations.js';

// A start skips the schema statements whose index is online, found by the name their file gives
// (src/graph/migrations.ts): a file creating another name would be skipped never, or always.
describe('schema statements', () => {
  const registry = loadCypherRegistry();
  const schema = STATEMENTS.filter((statement) => statement.startsWith('schema/'));

  it('each create the index or constraint their file names, if not there', () => {
    const creating = schema.filter((statement) => schemaName(statement) !== null);
    expect(creating.length).toBeGreaterThan(20);
    for (const statement of creating) {
      const created = /^CREATE (?:[A-Z]+ )?(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS /m.exec(registry.get(statement)!.text);
      expect([statement, created?.[1]]).toEqual([statement, schemaName(statement)]);
    }
  });

  it('are otherwise only the wait for indexes, which creates nothing', () => {
    expect(schema.filter((statement) => schemaName(statement) === null)).toEqual(['schema/await-indexes']);
    expect(registry.get('schema/await-indexes')!.text).not.toMatch(/CREATE/);
  });
});
