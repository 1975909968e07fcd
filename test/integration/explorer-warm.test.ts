import { afterAll, expect, it } from 'vitest';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { NeighbourhoodSummaryService } from '../../src/infrastructure/neighbourhood-summary.service.js';
import { NeighbourhoodService } from '../../src/infrastructure/neighbourhood.service.js';
import { testDriver } from '../helpers/neo4j.js';

// Issue 19: `npm start` has Neo4j plan the explorer's statements before the first search needs them.
const driver = testDriver();
afterAll(() => driver.close());

it("runs each statement of a search and of a campaign's picture once, finding nothing", async () => {
  const graph = new GraphExecutor(driver, loadCypherRegistry(), undefined, false);
  const summary = new NeighbourhoodSummaryService(graph, new NeighbourhoodService(graph, { hubDegree: 100 }));
  const ran: string[] = [];
  graph.onQuery((name, mode) => ran.push(`${name} ${mode}`));
  await summary.warm();
  expect(ran).toEqual([
    'reads/look-up-node READ',
    'reads/neighbourhood-summary READ',
    'reads/neighbourhood-summary-links READ',
    'campaigns/campaign-picture READ',
  ]);
}, 120_000);
