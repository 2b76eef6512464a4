// npm test's browser tests: Debian's Chromium against a master of their own on loopback.
// The specs seed through lib/msx, whose database modules are marked server-only: Node may load them.
import './lib/node-hooks/server-only.mjs'
import { defineConfig } from '@playwright/test'
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_GATEWAY_PORT, E2E_PORT } from './e2e/env'
import { PLAYWRIGHT_REPORT } from './scripts/lib/reports.mjs'

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // the JSON report is read by npm test, which prints the failures again at its very end
  reporter: [['list'], ['json', { outputFile: PLAYWRIGHT_REPORT }]],
  timeout: 30_000,
  // a list's URL changes when the server has rendered the new view, which on a loaded 2-core machine (the master,
  // two browsers and real agents at once) took longer than the default 5 s
  expect: { timeout: 10_000 },
  workers: 2,
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    // an action that cannot happen fails saying what it waited for, well before the test's own time runs out
    actionTimeout: 15_000,
    // No `npx playwright install` (its download site is unreachable): Debian's chromium package.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // the very first visit to a fresh master: no user exists yet, so it must run before any other test
    { name: 'first-run', testMatch: /first-run\.spec\.ts/ },
    // alone on the master, so its snapshot of the database sees no other test's writes
    { name: 'hostile', testMatch: /hostile\.spec\.ts/, dependencies: ['first-run'] },
    {
      name: 'dashboard',
      testIgnore: /(first-run|hostile|simulated-fleet|dismantle)\.spec\.ts/,
      dependencies: ['hostile'],
    },
    // 1,000 agents enlisting load the shared master for a minute: alone, after the others, so no timing of theirs
    // is measured under that load
    { name: 'fleet', testMatch: /simulated-fleet\.spec\.ts/, dependencies: ['dashboard'] },
    // dismantles the master (every target defected first): alone and last, and it makes it a master again after
    { name: 'dismantle', testMatch: /dismantle\.spec\.ts/, dependencies: ['fleet'] },
  ],
  webServer: {
    // the production build (npm test builds it first), on a fresh data folder
    command: `rm -rf ${E2E_DATA_DIR} && node --import tsx server/main.ts`,
    env: {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      MSX_DATA_DIR: E2E_DATA_DIR,
      MSX_PORT: String(E2E_PORT),
      MSX_GATEWAY_PORT: String(E2E_GATEWAY_PORT),
      MSX_MASTER_NAME: 'MSXE2E',
    },
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
})
