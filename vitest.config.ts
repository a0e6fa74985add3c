import { defineConfig } from 'vitest/config';

/**
 * Two projects: unit tests (parallel on the 2 CI cores) first, then the browser e2e tests one file at a
 * time on an otherwise idle machine. Running Chromium next to tfjs-heavy unit files starved the page's
 * input handling on the 2-core CI box (a click waited 60 s), so the e2e group starts only after the
 * unit group has finished (sequence.groupOrder).
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // tfjs backends are process-global: keep files isolated in forked processes.
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/tf-backend.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
