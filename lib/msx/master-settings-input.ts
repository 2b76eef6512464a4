// What an administrator may change about the master on Settings: its name and the polling interval new targets get.
// Client-safe, so the form and the server action read the same rule.
import { z } from 'zod'
import { serverName } from './names'
import { pollIntervalText } from './operations'

export const masterSettingsInput = z.object({
  name: serverName,
  defaultPollIntervalSeconds: pollIntervalText,
})
export type MasterSettingsInput = z.input<typeof masterSettingsInput>
