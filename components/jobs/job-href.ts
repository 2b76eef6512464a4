// The address of a job's page. /jobs/new and /jobs/activity are pages of the app and win over /jobs/NAME; job
// names are compared case-insensitively, so a job named exactly so is addressed in capitals.
const APP_PAGES_UNDER_JOBS = new Set(['new', 'activity'])

export function jobHref(name: string): string {
  return `/jobs/${encodeURIComponent(APP_PAGES_UNDER_JOBS.has(name) ? name.toUpperCase() : name)}`
}
