// Input pieces several API commands share.
import { z } from 'zod'

export const nothing = z.object({})

export const serverName = z
  .string({ error: 'name the target server' })
  .trim()
  .min(1, 'name the target server')
  .max(128, 'no target server name is that long')

export const serverNames = z.array(serverName, { error: 'name the target servers' }).min(1, 'name a target server')

export const instructionIds = z
  .array(
    z.number({ error: 'an instruction id is a whole number' }).int('an instruction id is a whole number').positive(),
    {
      error: 'list the instruction ids',
    },
  )
  .min(1, 'name an instruction id')

export const jobName = z.string({ error: 'name the job' }).trim().min(1, 'name the job').max(128)

export const names = (list: string[]) => list.join(', ')
