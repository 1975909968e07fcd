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
const withNeo4j = { ...common, globalSetup: ['test/global-setup.ts'] };

export default defineConfig({
  ...shared,
  test: {
    projects: [
      { ...shared, test: { ...common, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { ...shared, test: { ...withNeo4j, name: 'integration', include: NEEDS_NEO4J, exclude: SLOW } },
      { ...shared, test: { ...withNeo4j, name: 'slow', include: SLOW } },
      { ...shared, test: { ...withNeo4j, name: 'browser', include: ['test/browser/**/*.test.ts'] } },
    ],
  },
});
