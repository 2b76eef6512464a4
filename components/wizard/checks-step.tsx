// Step 1: the checks of this master, each with its fix; the firewall rule; and, on a dismantled master, the
// button that makes it a master server again.
import type { Ability } from '@/components/auth/ability'
import { config } from '@/lib/config'
import { db } from '@/lib/db/client'
import { readMaster, utcMinute } from '@/lib/msx/master'
import { collectMasterChecks } from '@/lib/msx/master-checks-collect'
import { firewallRule } from '@/lib/msx/network'
import { FirewallRule } from './firewall-rule'
import { MakeMasterCard } from './make-master-card'
import { MasterCheckList } from './master-check-list'

export async function ChecksStep({ ability }: { ability: Ability }) {
  const database = await db()
  const cfg = config()
  const [master, checks] = await Promise.all([readMaster(database), collectMasterChecks(database, cfg)])
  const name = master?.name ?? cfg.masterName
  return (
    <div className="grid gap-6">
      <MakeMasterCard
        name={name}
        dismantledOn={master?.dismantledAt ? utcMinute(master.dismantledAt) : null}
        ability={ability}
      />
      <MasterCheckList
        checks={checks}
        details={{ network: <FirewallRule rule={firewallRule(name, cfg.gatewayPort, cfg.port)} /> }}
      />
    </div>
  )
}
