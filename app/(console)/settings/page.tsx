import type { Metadata } from 'next'
import { abilityOf } from '@/components/auth/ability'
import { PageHeader } from '@/components/page-header'
import { GatewayCard } from '@/components/settings/gateway-card'
import { MasterCard } from '@/components/settings/master-card'
import { requirePage } from '@/lib/auth/next/guards'
import { config } from '@/lib/config'
import { db } from '@/lib/db/client'
import { readMaster } from '@/lib/msx/master'
import { describeAuthority } from '@/lib/pki/summary'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  const { who } = await requirePage('read')
  const cfg = config()
  const master = await readMaster(await db())
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-6 md:px-6">
      <PageHeader
        title="Settings"
        description="This master server, the agent gateway that target servers reach, and how agents trust it."
      />
      <MasterCard master={master} cfg={cfg} edit={abilityOf(who.user.role, 'master.edit')} />
      <GatewayCard cfg={cfg} authority={describeAuthority(cfg.dataDir)} />
    </div>
  )
}
