// The files of the agent bundle, as the build writes them and an agent package lays them out.
/** the bundle, in lib/ of a package */
export const BUNDLE_FILE = 'msx-agent.mjs'
/** better-sqlite3's native module, beside the bundle */
export const NATIVE_MODULE_FILE = 'better_sqlite3.node'
/** the package's configuration, in etc/ of a package */
export const PACKAGE_CONFIG_FILE = 'agent.json'
