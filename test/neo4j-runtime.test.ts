// The suite's Neo4j answers, and GDS works end to end (project, stream, write, drop):
// the write step proves Open GDS's write services are on the class path.
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { classArchivePath } from '../scripts/neo4j/class-archive.js';
import { fetchNeo4j, readVersions, runningPid } from '../scripts/neo4j/runtime.js';
import { testDriver } from './helpers/neo4j.js';

const driver = testDriver();
afterAll(() => driver.close());

async function query(text: string, params: Record<string, unknown> = {}) {
  const session = driver.session();
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}
const num = (value: unknown) => neo4j.integer.toNumber(value as number);

describe('Neo4j test server', () => {
  it('answers RETURN 1', async () => {
    expect(num((await query('RETURN 1 AS one'))[0]!.one)).toBe(1);
  });

  // Other servers carry whatever plugin versions they were given.
  it.runIf(inject('neo4jServer') === 'local')('runs the GDS and APOC versions pinned in the pom', async () => {
    const pinned = await readVersions();
    expect((await query('CALL gds.version() YIELD gdsVersion'))[0]!.gdsVersion).toBe(pinned.gds);
    expect((await query('RETURN apoc.version() AS v'))[0]!.v).toBe(pinned.apoc);
  });

  // The archive is made before the suite's server starts (scripts/neo4j/runtime.ts): the JVM must have mapped
  // it, not merely been given it (a JVM that cannot map an archive starts without it, saying nothing).
  it.runIf(inject('neo4jServer') === 'local')('maps the class archive of its JVM and jars', async () => {
    const archive = classArchivePath(await fetchNeo4j());
    expect(archive).toBeDefined();
    const pid = await runningPid(inject('neo4jHome')!);
    expect(await readFile(`/proc/${pid}/maps`, 'utf8')).toContain(archive);
  });

  it('runs GDS weakly connected components end to end', async () => {
    // Own label and run id: other test files share this database.
    const run = randomUUID();
    const graph = `runtime-probe-${run}`;
    await query(
      `CREATE (a:RuntimeProbe {run: $run, key: 'a'})-[:PROBE_LINK]->(:RuntimeProbe {run: $run, key: 'b'}),
                        (c:RuntimeProbe {run: $run, key: 'c'})-[:PROBE_LINK]->(:RuntimeProbe {run: $run, key: 'd'}),
                        (:RuntimeProbe {run: $run, key: 'e'})`,
      { run },
    );
    try {
      const [projected] = await query(
        `MATCH (a:RuntimeProbe {run: $run}) OPTIONAL MATCH (a)-[:PROBE_LINK]->(b:RuntimeProbe {run: $run})
         WITH gds.graph.project($graph, a, b) AS g RETURN g.nodeCount AS nodes, g.relationshipCount AS rels`,
        { run, graph },
      );
      expect([num(projected!.nodes), num(projected!.rels)]).toEqual([5, 2]);

      const streamed = await query(
        `CALL gds.wcc.stream($graph) YIELD nodeId, componentId
        RETURN gds.util.asNode(nodeId).key AS key, componentId`,
        { graph },
      );
      expect(partition(streamed, 'componentId')).toEqual([['a', 'b'], ['c', 'd'], ['e']]);

      const [written] = await query(
        `CALL gds.wcc.write($graph, {writeProperty: 'probeComponent'})
        YIELD nodePropertiesWritten, componentCount`,
        { graph },
      );
      expect([num(written!.nodePropertiesWritten), num(written!.componentCount)]).toEqual([5, 3]);
      const stored = await query('MATCH (n:RuntimeProbe {run: $run}) RETURN n.key AS key, n.probeComponent AS c', { run });
      expect(partition(stored, 'c')).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    } finally {
      await query('CALL gds.graph.drop($graph, false) YIELD graphName', { graph });
      await query('MATCH (n:RuntimeProbe {run: $run}) DETACH DELETE n', { run });
    }
  });
});

/** Keys grouped by component; component ids themselves are arbitrary. */
function partition(rows: Record<string, unknown>[], by: string): string[][] {
  const groups = new Map<number, string[]>();
  for (const row of rows) {
    const id = num(row[by]);
    groups.set(id, [...(groups.get(id) ?? []), row.key as string]);
  }
  return [...groups.values()].map((keys) => keys.sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
}
