// The id of an API token or an enlistment token, as the msx API and the dashboard's actions take it.
import { z } from 'zod'

export const tokenId = z.object({
  id: z.number({ error: 'id is a token id' }).int('id is a whole number').positive(),
})
