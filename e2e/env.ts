import path from 'node:path'

// The master the e2e tests run against: its own data folder, wiped at the start of each run. The ports can be
// moved (MSX_E2E_PORT, MSX_E2E_GATEWAY_PORT) so that two checkouts can run their browser tests at once.
export const E2E_PORT = Number(process.env.MSX_E2E_PORT ?? 3100)
export const E2E_GATEWAY_PORT = Number(process.env.MSX_E2E_GATEWAY_PORT ?? 3543)
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`
export const E2E_DATA_DIR = path.join(import.meta.dirname, '..', '.e2e-data')
export const E2E_DATABASE_URL = `file:${path.join(E2E_DATA_DIR, 'msx.db')}`
