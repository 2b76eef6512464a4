// Changing the master's name and default polling interval (Settings), in one transaction with its activity entry.
import 'server-only'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { parseOrInvalid, refused } from './errors'
import { readMaster } from './master'
import { type MasterSettingsInput, masterSettingsInput } from './master-settings-input'

export interface MasterSettingsChange {
  name: { from: string; to: string } | null
  defaultPollIntervalSeconds: { from: number; to: number } | null
}

/**
 * Renames the master and sets the interval targets enlisted from now on get; targets enlisted before keep theirs
 * (SET-POLL changes those). Unlike SQL Server, a rename is allowed while targets are enlisted: agents trust the
 * master by its CA fingerprint and address, and keep its name only to show it.
 */
export async function updateMasterSettings(ctx: MsxContext, raw: MasterSettingsInput): Promise<MasterSettingsChange> {
  const input = parseOrInvalid(masterSettingsInput, raw, ' ')
  return inTransaction(ctx, async (tx) => {
    const master = await readMaster(tx)
    if (!master) throw refused('This server is not set up as a master server yet: start the master once to create it.')
    const change: MasterSettingsChange = {
      name: master.name === input.name ? null : { from: master.name, to: input.name },
      defaultPollIntervalSeconds:
        master.defaultPollIntervalSeconds === input.defaultPollIntervalSeconds
          ? null
          : { from: master.defaultPollIntervalSeconds, to: input.defaultPollIntervalSeconds },
    }
    if (!change.name && !change.defaultPollIntervalSeconds) return change
    await tx.masterServer.update({
      where: { id: 1 },
      data: { name: input.name, defaultPollIntervalSeconds: input.defaultPollIntervalSeconds },
    })
    await recordAudit(tx, ctx.actor, {
      action: 'master.update',
      objectType: 'master',
      objectName: input.name,
      details: {
        ...(change.name && { name: change.name }),
        ...(change.defaultPollIntervalSeconds && { defaultPollIntervalSeconds: change.defaultPollIntervalSeconds }),
      },
    })
    return change
  })
}
