// Input pieces several API commands share; names and the like are the core's own schemas, as the dashboard's.
import { z } from 'zod'

export { jobName, serverName, serverNames } from '../../../lib/msx/names'

export const nothing = z.object({})

export const instructionIds = z
  .array(
    z.number({ error: 'an instruction id is a whole number' }).int('an instruction id is a whole number').positive(),
    {
      error: 'list the instruction ids',
    },
  )
  .min(1, 'name an instruction id')

export const names = (list: string[]) => list.join(', ')
