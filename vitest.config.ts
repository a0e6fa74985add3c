import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    setupFiles: ['test/setup/tf-backend.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // tfjs backends are process-global: keep files isolated and run on the 2 CI cores.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
