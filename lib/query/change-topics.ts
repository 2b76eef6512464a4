// What a change notice names: the views it concerns, each the root of their query keys (lib/query/keys.ts), so
// that a browser refreshes exactly those.
import { z } from 'zod'
import { auditKeys, enlistmentKeys, groupKeys, instructionKeys, jobKeys, targetKeys } from './keys'

export const CHANGE_TOPICS = [
  targetKeys.all[0],
  instructionKeys.all[0],
  auditKeys.all[0],
  enlistmentKeys.all[0],
  groupKeys.all[0],
  jobKeys.all[0],
] as const
export type ChangeTopic = (typeof CHANGE_TOPICS)[number]

/** One server-sent event of the change stream: the views changed since the last one. */
export const changeNoticeEvent = z.object({ topics: z.array(z.enum(CHANGE_TOPICS)) })

/** The change stream's address (server-sent events), under the dashboard's JSON reads. */
export const CHANGE_STREAM_PATH = '/api/changes'
