// The folder this product is installed in (its package.json, prisma/ and docs/), for the master's processes and
// Next's server bundles alike: import.meta.url, not import.meta.dirname, which those bundles drop.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
