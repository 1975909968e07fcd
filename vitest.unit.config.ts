import { defineConfig } from 'vitest/config';

// Pure unit tests: no globalSetup, so no Neo4j is started for them.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
  },
});
