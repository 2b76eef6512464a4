import 'server-only'
import { recordAudit, summarizeNames, targetNamesBeyondSummary } from './audit'
import { inTransaction, type MsxContext } from './context'
import { resolveRecipients } from './recipients'
import { signalTargets } from './signals'

/** Force Poll: targets holding a long poll answer at once, then poll again; others poll at their next interval. */
export async function forcePoll(ctx: MsxContext, names: string[]) {
  return inTransaction(ctx, async (tx) => {
    const targets = await resolveRecipients(tx, { targets: names })
    await signalTargets(
      tx,
      targets.map((t) => t.id),
      'force poll',
    )
    await recordAudit(tx, ctx.actor, {
      action: 'target.force-poll',
      objectType: 'target',
      objectName: summarizeNames(targets.map((t) => t.name)),
      details: { count: targets.length, targetNames: targetNamesBeyondSummary(targets.map((t) => t.name)) },
    })
    return targets.map((t) => t.name)
  })
}
