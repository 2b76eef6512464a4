// The tabs of a job's page (SSMS's Job Properties pages), read by the page on the server and by its tab bar.
export const JOB_TABS = [
  { id: 'general', label: 'General' },
  { id: 'steps', label: 'Steps' },
  { id: 'schedules', label: 'Schedules' },
  { id: 'targets', label: 'Targets' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'history', label: 'History' },
  { id: 'missed', label: 'Missed runs' },
  { id: 'versions', label: 'Versions' },
] as const
export type JobTab = (typeof JOB_TABS)[number]['id']
