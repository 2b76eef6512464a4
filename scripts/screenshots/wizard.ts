// What the wizard's screenshots show on the made-up fleet: an MSXOperator, and three pending requests selected
// on step 3, one of them from an agent newer than the master (refused at the compatibility step).

import type { MsxContext } from '../../lib/msx/context'
import { submitEnlistmentRequest } from '../../lib/msx/enlistment-requests'
import { setMailServer, setOperator } from '../../lib/msx/operator'
import { MASTER_VERSION } from '../../lib/msx/versions'
import { chooseWizardRequests } from '../../lib/msx/wizard'
import { secretVault } from '../../lib/notify/secrets'
import { SHOTS_DATA_DIR } from './env'

export async function prepareWizard(ctx: MsxContext) {
  if (await ctx.db.operator.count()) return
  const vault = secretVault(SHOTS_DATA_DIR)
  await setMailServer(
    ctx,
    { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'msx', from: 'msx@example.com' },
    vault,
  )
  await setOperator(
    ctx,
    { email: 'dba@example.com', pagerEmail: 'oncall@example.com', webhookUrl: 'https://hooks.example.com/msx' },
    vault,
  )
  const requests = [
    { name: 'SQL-DEV-02', agentVersion: MASTER_VERSION, runAsAccount: 'root', clockSkewMs: 42_000 },
    { name: 'SQL-LAB-07', agentVersion: '0.2.0', runAsAccount: 'msxagent', clockSkewMs: 300 },
  ]
  for (const r of requests)
    await submitEnlistmentRequest(ctx.db, {
      ...r,
      location: 'Lyon lab',
      keyFingerprint: `sha256:${Buffer.from(r.name).toString('hex').padEnd(64, '0').slice(0, 64)}`,
      sourceAddress: '10.40.2.19',
    })
  await chooseWizardRequests(ctx, { chosen: true, names: ['SQL-DEV-02', 'SQL-LAB-07'] })
}
