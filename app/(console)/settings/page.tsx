import type { Metadata } from 'next'
import { abilityOf } from '@/components/auth/ability'
import { MailServerCard, OperatorCard } from '@/components/operator/operator-cards'
import { PageHeader } from '@/components/page-header'
import { GatewayCard } from '@/components/settings/gateway-card'
import { MasterCard } from '@/components/settings/master-card'
import { MultiserverCard } from '@/components/settings/multiserver-card'
import { requirePage } from '@/lib/auth/next/guards'
import { config } from '@/lib/config'
import { db } from '@/lib/db/client'
import { countTargetsToDefect, readMaster } from '@/lib/msx/master'
import { readMailServer, readOperator } from '@/lib/msx/operator'
import { describeAuthority } from '@/lib/pki/summary'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  const { who } = await requirePage('read')
  const cfg = config()
  const database = await db()
  const master = await readMaster(database)
  const toDefect = await countTargetsToDefect(database)
  const edit = abilityOf(who.user.role, 'operator.edit')
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-6 md:px-6">
      <PageHeader
        title="Settings"
        description="This master server, the agent gateway that target servers reach, and how agents trust it."
      />
      <MasterCard master={master} cfg={cfg} edit={abilityOf(who.user.role, 'master.edit')} />
      <OperatorCard operator={await readOperator(database)} edit={edit} />
      <MailServerCard mail={await readMailServer(database)} edit={edit} />
      <GatewayCard cfg={cfg} authority={describeAuthority(cfg.dataDir)} />
      {master && (
        <MultiserverCard
          state={{
            name: master.name,
            madeMasterAt: master.madeMasterAt.toISOString(),
            dismantledAt: master.dismantledAt?.toISOString() ?? null,
            toDefect,
          }}
          dismantle={abilityOf(who.user.role, 'master.dismantle')}
          defect={abilityOf(who.user.role, 'targets.defect')}
        />
      )}
    </div>
  )
}
