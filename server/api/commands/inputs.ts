// Input pieces several API commands share; names and the like are the core's own schemas, as the dashboard's.
import { z } from 'zod'

export { instructionIds } from '../../../lib/msx/instructions'
export { jobName, serverName, serverNames } from '../../../lib/msx/names'

export const nothing = z.object({})

export const names = (list: string[]) => list.join(', ')
