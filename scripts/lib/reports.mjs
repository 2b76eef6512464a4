// Where the test runners write their JSON reports (under test-results/, which git ignores).
export const VITEST_REPORT = 'test-results/vitest-report.json'
export const PLAYWRIGHT_REPORT = 'test-results/playwright-report.json'
