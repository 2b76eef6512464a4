// How this agent was started: from the sources (through tsx), or as the one-file bundle of an agent package,
// which carries its own SQLite native module and starts its SQL steps' processes from that same file.
export interface BundleRuntime {
  /** the bundle itself, what a SQL step's process runs */
  script: string
  /** better-sqlite3's compiled module beside the bundle */
  nativeBinding: string
  /** the package folder (msx-agent/), where etc/agent.json is */
  packageDir: string
}

/** The argument that makes the bundle run a SQL step instead of the command line. */
export const SQL_CHILD_ARGUMENT = '__sql-step'

let bundle: BundleRuntime | undefined

export function runAsBundle(runtime: BundleRuntime) {
  bundle = runtime
}

export function bundleRuntime(): BundleRuntime | undefined {
  return bundle
}

/** Options for every better-sqlite3 database the agent opens: the bundle names its native module. */
export function sqliteOptions(): { nativeBinding?: string } {
  return bundle ? { nativeBinding: bundle.nativeBinding } : {}
}
