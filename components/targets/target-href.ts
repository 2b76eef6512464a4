// The address of a target server's page. The Download Instructions tab is /targets/instructions, and a page of
// the app wins over /targets/NAME; target names are compared case-insensitively, so a target named exactly so
// is addressed in capitals (Next matches paths case-sensitively).
const APP_PAGES_UNDER_TARGETS = new Set(['instructions'])

export function targetHref(name: string): string {
  return `/targets/${encodeURIComponent(APP_PAGES_UNDER_TARGETS.has(name) ? name.toUpperCase() : name)}`
}
