// The instructions the Post Instructions dialog offers (SSMS's list), each said in one line.
import type { Operation } from '@/lib/msx/operations'

export const POSTABLE_OPERATIONS = ['SET-POLL', 'SYNC-TIME', 'START', 'STOP', 'RE-ENLIST', 'DEFECT'] as const
export type PostableOperation = (typeof POSTABLE_OPERATIONS)[number] & Operation

export const INSTRUCTION_TYPES: Record<PostableOperation, { label: string; description: string }> = {
  'SET-POLL': {
    label: 'Set polling interval',
    description: 'How often the targets poll this master for instructions, from 10 to 28,800 seconds.',
  },
  'SYNC-TIME': {
    label: 'Synchronize clocks',
    description: "The targets run their job schedules by this master's clock (their system clocks are left alone).",
  },
  START: { label: 'Start job', description: 'The targets run the job now, outside its schedules.' },
  STOP: { label: 'Stop job', description: 'The targets stop the job where it is running.' },
  'RE-ENLIST': {
    label: 'Re-enlist',
    description: 'The targets send their location, time zone, version and polling interval to this master again.',
  },
  DEFECT: {
    label: 'Defect',
    description: 'The targets leave this master at their next poll and delete the jobs it gave them.',
  },
}

export const isJobOperation = (operation: PostableOperation) => operation === 'START' || operation === 'STOP'
