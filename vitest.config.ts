import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Property tests run hundreds of cases: a busy machine must not fail them on time alone.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [
            'tests/e2e/global-setup.ts',
            'tests/e2e/reading-setup.ts',
            'tests/e2e/hostile-setup.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits for a state the page reaches, however long a busy machine takes: not 1 s.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
