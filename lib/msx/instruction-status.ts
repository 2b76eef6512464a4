// The download list's statuses and operations, free of the database so the browser can name them too.
import { JOB_OPERATIONS, type Operation, SERVER_OPERATIONS } from './operations'

/** pending: status 0 and no error; downloaded: status 1; error: an error message, which blocks its target */
export const INSTRUCTION_STATUSES = ['pending', 'downloaded', 'error'] as const
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number]

export const INSTRUCTION_OPERATIONS = [...JOB_OPERATIONS, ...SERVER_OPERATIONS] as const satisfies Operation[]
