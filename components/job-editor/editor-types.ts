// The editor's form: a job definition as the editor saves it (targets always named).
import type { z } from 'zod'
import type { jobEditorDefinition } from '@/lib/msx/job-definition'

export type JobForm = z.input<typeof jobEditorDefinition>
export type StepForm = JobForm['steps'][number]
export type ScheduleForm = NonNullable<JobForm['schedules']>[number]

export const EDITOR_TABS = [
  { id: 'general', label: 'General' },
  { id: 'steps', label: 'Steps' },
  { id: 'schedules', label: 'Schedules' },
  { id: 'targets', label: 'Targets' },
  { id: 'notifications', label: 'Notifications' },
] as const
export type EditorTab = (typeof EDITOR_TABS)[number]['id']

export const NEW_STEP: StepForm = {
  name: '',
  kind: 'cmdexec',
  command: '',
  onSuccess: 'next',
  onFailure: 'quit-failure',
  retryAttempts: 0,
  retryIntervalSeconds: 0,
}

export const NEW_SCHEDULE: ScheduleForm = { name: '', cron: '0 2 * * *', enabled: true }
