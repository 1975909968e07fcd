import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';

/** A driver for the suite's Neo4j (test/global-setup.ts); the caller closes it. */
export function testDriver(): Driver {
  const user = inject('neo4jUser');
  return neo4j.driver(inject('neo4jUri'), user ? neo4j.auth.basic(user, inject('neo4jPassword')) : undefined);
}
