// The proxy rule of multiserver jobs, as SQL Server words it: a downloaded step that names a proxy runs under the
// target's local proxy of that name, and only when the target allows downloaded jobs to match proxy names.
// Targets apply it when a job arrives (INSERT/UPDATE: the instruction fails) and again before each run.

export const PROXY_MATCHING_DISABLED =
  'The job step requires a proxy account, however proxy matching is disabled on the target server.'
export const PROXY_NOT_FOUND = 'Proxy not found.'

export interface ProxySetup {
  allowProxyMatching: boolean
  /** the target's local proxy names */
  hasProxy(name: string): boolean
}

/** Why a job cannot run on this target because of its proxies, or null when it can. */
export function proxyMatchingError(steps: { proxy: string | null }[], setup: ProxySetup): string | null {
  const named = steps.map((s) => s.proxy).filter((p): p is string => Boolean(p))
  if (named.length === 0) return null
  if (!setup.allowProxyMatching) return PROXY_MATCHING_DISABLED
  return named.every((name) => setup.hasProxy(name)) ? null : PROXY_NOT_FOUND
}
