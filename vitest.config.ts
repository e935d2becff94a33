import { defineConfig } from 'vitest/config';

// Three suites, each runnable alone; `npm test` runs them all (scripts/test-all.mjs).
// unit: pure logic and component tests; integration: the real engine on temp-dir SQLite and a loopback
// fake provider; reliability: the RELIABILITY.md checklist (child processes, kills, fuzz).
export default defineConfig({
  test: {
    // Reporters are run-wide in vitest; the figures reporter prints only when reliability tests ran,
    // and comes first so that its area counts sit just above the standard closing counts.
    reporters: ['./tests/reliability/support/figures-reporter.ts', 'default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/reliability/support/setup.ts'],
          // Kill rounds mostly wait on child start-up, so two files side by side fit the 5-minute bound.
          maxWorkers: 2,
          // RPC-4 compares RSS before and after, each after a full collection.
          execArgv: ['--expose-gc'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['core/domain/**', 'core/validation/**', 'core/social/**', 'core/prompts/**'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 95 },
    },
  },
});
