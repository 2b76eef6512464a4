// The address of a job's page. /jobs/new and /jobs/activity are pages of the app and win over /jobs/NAME; job
// names are compared case-insensitively, so a job named exactly so is addressed in capitals.
const APP_PAGES_UNDER_JOBS = new Set(['new', 'activity'])

export function jobHref(name: string): string {
  return `/jobs/${encodeURIComponent(APP_PAGES_UNDER_JOBS.has(name) ? name.toUpperCase() : name)}`
}

/** The job name in a /jobs/NAME address (as typed, when it is not valid percent-encoding). */
export function readJobName(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
