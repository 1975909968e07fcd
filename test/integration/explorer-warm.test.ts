import { afterAll, expect, it } from 'vitest';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { NeighbourhoodSummaryService } from '../../src/infrastructure/neighbourhood-summary.service.js';
import { NeighbourhoodService } from '../../src/infrastructure/neighbourhood.service.js';
import { startTestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';

// Issue 19: `npm start` has Neo4j plan the explorer's statements before the first search needs them.
const driver = testDriver();
afterAll(() => driver.close());

it("runs each statement of a search and of a campaign's page once, finding nothing", async () => {
  const graph = new GraphExecutor(driver, loadCypherRegistry(), undefined, false);
  const summary = new NeighbourhoodSummaryService(graph, new NeighbourhoodService(graph, { hubDegree: 100 }));
  const ran: string[] = [];
  graph.onQuery((name, mode) => ran.push(`${name} ${mode}`));
  await summary.warm();
  expect(ran).toEqual([
    'reads/look-up-node READ',
    'reads/neighbourhood-summary READ',
    'reads/neighbourhood-summary-links READ',
    'campaigns/campaigns-by-id READ',
    'campaigns/campaign-report-breakdown READ',
    'campaigns/campaign-infrastructure READ',
    'campaigns/campaign-picture READ',
  ]);
}, 120_000);

it('plans them again after each detection run, which rewrites memberships across the graph, unasked', async () => {
  const app = await startTestApp();
  const ran: string[] = [];
  const stop = app.onStatement((name) => ran.push(name));
  try {
    const detected = await app.gql('mutation { detectCampaigns { id } }');
    expect(detected.errors).toBeUndefined();
    // The planning runs after the run's answer, off its path.
    await expect.poll(() => ran.filter((name) => name === 'campaigns/campaign-picture').length, { timeout: 30_000 }).toBe(1);
    const detection = ran.indexOf('campaigns/acquire-detection-lock');
    expect(detection).toBeGreaterThanOrEqual(0);
    expect(ran.indexOf('reads/look-up-node')).toBeGreaterThan(detection);
  } finally {
    stop();
    await app.stop();
  }
}, 120_000);
