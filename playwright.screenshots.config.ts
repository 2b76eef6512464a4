// npm run docs:screenshots: the README's screenshots (docs/screenshots/*.png), taken on a master of their own
// with a made-up fleet. Not part of npm test.
import { defineConfig } from '@playwright/test'
import baseConfig from './playwright.config'
import { SHOTS_BASE_URL, SHOTS_DATA_DIR, SHOTS_GATEWAY_PORT, SHOTS_PORT } from './scripts/screenshots/env'

export default defineConfig({
  testDir: './scripts/screenshots',
  outputDir: './test-results/screenshots',
  reporter: [['list']],
  timeout: 120_000,
  // one worker: the fleet is made once, by the first test
  workers: 1,
  use: {
    ...baseConfig.use,
    baseURL: SHOTS_BASE_URL,
    viewport: { width: 1280, height: 800 },
    trace: 'off',
  },
  webServer: {
    command: `rm -rf ${SHOTS_DATA_DIR} && node --import tsx server/main.ts`,
    env: {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      MSX_DATA_DIR: SHOTS_DATA_DIR,
      MSX_PORT: String(SHOTS_PORT),
      MSX_GATEWAY_PORT: String(SHOTS_GATEWAY_PORT),
      MSX_MASTER_NAME: 'MSX-PARIS',
      MSX_LOG_LEVEL: 'warn',
    },
    url: `${SHOTS_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
})
