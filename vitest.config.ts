import { defineConfig } from 'vitest/config';

export default defineConfig({
  // type-graphql loads graphql's CommonJS build; make the tests load the same one
  // ("Cannot use GraphQLObjectType from another module or realm" otherwise).
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    setupFiles: ['test/fast-check-seed.ts'],
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
