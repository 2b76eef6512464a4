import path from 'node:path'

// The master the screenshots are taken on: its own ports and data folder, so it never meets the e2e master.
export const SHOTS_PORT = 3200
export const SHOTS_GATEWAY_PORT = 3643
export const SHOTS_BASE_URL = `http://127.0.0.1:${SHOTS_PORT}`
export const SHOTS_DATA_DIR = path.join(import.meta.dirname, '..', '..', '.screenshots-data')
export const SHOTS_DATABASE_URL = `file:${path.join(SHOTS_DATA_DIR, 'msx.db')}`
