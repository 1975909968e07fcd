import { defineConfig } from 'vitest/config';

/**
 * Four tiers, one command each (package.json): `unit` needs nothing, `integration` a real Neo4j,
 * `slow` the tests that restart servers, flood them or read whole real data sets, `browser` the
 * explorer in Chromium. `npm test` runs all four on one Neo4j; `npm run test:fast` unit and
 * integration. A test file belongs to a tier by its folder, and to `slow` by the list below.
 */
const SLOW = [
  'test/integration/alerts-restart.test.ts',
  'test/integration/faults.test.ts',
  'test/integration/hostile-inputs.test.ts',
  'test/integration/lane-warm-up.test.ts',
  'test/integration/real-campaigns.test.ts',
  'test/integration/signals.test.ts',
];
const NEEDS_NEO4J = ['test/integration/**/*.test.ts', 'test/graphql/**/*.test.ts', 'test/neo4j-runtime.test.ts'];

const shared = {
  // type-graphql loads graphql's CommonJS build; make the tests load the same one
  // ("Cannot use GraphQLObjectType from another module or realm" otherwise).
  resolve: { alias: { graphql: 'graphql/index.js' } },
};
const common = { setupFiles: ['test/fast-check-seed.ts'], testTimeout: 30_000, hookTimeout: 120_000 };
/**
 * Files that share the one Neo4j run one at a time whatever the machine's cores: detection reads the
 * whole graph, so a file writing beside another changes what the other detects. They run after the
 * unit tier (sequence.groupOrder), which may run its files on every core but one.
 */
const withNeo4j = { ...common, globalSetup: ['test/global-setup.ts'], fileParallelism: false, sequence: { groupOrder: 1 } };
/**
 * One worker process runs all of a tier's files and loads the server's modules once, not once per file
 * (42 s of the 5 min 18 s test:fast took before). Every file stops the apps and drivers it starts, none
 * mocks a module, and vitest resets vi.setConfig and spies between files.
 */
const shareModules = { isolate: false };

export default defineConfig({
  ...shared,
  test: {
    projects: [
      { ...shared, test: { ...common, ...shareModules, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { ...shared, test: { ...withNeo4j, ...shareModules, name: 'integration', include: NEEDS_NEO4J, exclude: SLOW } },
      { ...shared, test: { ...withNeo4j, name: 'slow', include: SLOW } },
      { ...shared, test: { ...withNeo4j, name: 'browser', include: ['test/browser/**/*.test.ts'] } },
    ],
  },
});
