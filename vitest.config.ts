import os from 'node:os'
import { defineConfig } from 'vitest/config'

// The domain core's suite runs twice, on SQLite and on PostgreSQL; integration tests start real processes.
const unit = ['lib/**/*.test.ts', 'agent/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts']

export default defineConfig({
  resolve: {
    alias: {
      '@': import.meta.dirname,
      // the modules marked for Next's server bundles load here as they do there (lib/node-hooks/server-only.mjs)
      'server-only': `${import.meta.dirname}/node_modules/server-only/empty.js`,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: unit, globalSetup: ['test/support/global-sqlite.ts'] },
      },
      {
        extends: true,
        test: { name: 'postgresql', include: unit, globalSetup: ['test/support/global-postgresql.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-sqlite.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // most of the suite waits on real processes and databases, not the CPU: on 2 cores Vitest's default of one
    // worker left half the machine idle (523 s; with two, 342 s)
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
})
