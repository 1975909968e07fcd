import { defineConfig } from 'vitest/config';

// Pure unit tests: no globalSetup, so no Neo4j is started for them.
export default defineConfig({
  test: {
    setupFiles: ['test/fast-check-seed.ts'],
    include: ['test/unit/**/*.test.ts'],
  },
});
