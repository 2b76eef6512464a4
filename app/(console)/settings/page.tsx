import { format } from 'date-fns'
import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { PageHeader } from '@/components/page-header'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { CodeBlock } from '@/components/ui/code-block'
import { requirePage } from '@/lib/auth/next/guards'
import { config } from '@/lib/config'
import { db } from '@/lib/db/client'
import { parseDatabaseUrl } from '@/lib/db/url'
import { readMaster } from '@/lib/msx/master'
import { describeAuthority } from '@/lib/pki/summary'

export const metadata: Metadata = { title: 'Settings' }

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-sm">{children}</dd>
    </div>
  )
}

function databaseDescription(url: string) {
  const target = parseDatabaseUrl(url)
  if (target.provider === 'sqlite') return `SQLite, ${target.file}`
  const parsed = new URL(url)
  return `PostgreSQL, ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
}

const when = (date: Date | string) => format(new Date(date), 'yyyy-MM-dd HH:mm')

export default async function SettingsPage() {
  await requirePage('read')
  const cfg = config()
  const master = await readMaster(await db())
  const authority = describeAuthority(cfg.dataDir)
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-6 md:px-6">
      <PageHeader
        title="Settings"
        description="This master server, the agent gateway that target servers reach, and how agents trust it."
      />
      <Card>
        <CardHeader>
          <CardTitle>Master server</CardTitle>
          <CardDescription>The multiserver administration master (MSX) every target server reports to.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="divide-y">
            <Row label="Name">{master?.name ?? cfg.masterName}</Row>
            <Row label="Version">{master?.version ?? 'not started yet'}</Row>
            <Row label="Made master on">{master ? when(master.madeMasterAt) : '—'}</Row>
            <Row label="State">
              {master?.dismantledAt ? `Dismantled on ${when(master.dismantledAt)}` : 'Accepting target servers'}
            </Row>
            <Row label="Default polling interval">{master ? `${master.defaultPollIntervalSeconds} s` : '—'}</Row>
            <Row label="Database">{databaseDescription(cfg.databaseUrl)}</Row>
            <Row label="Activity log kept for">{`${cfg.auditRetentionDays} days (MSX_AUDIT_RETENTION_DAYS)`}</Row>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Agent gateway</CardTitle>
          <CardDescription>
            Target agents connect here over TLS, with a client certificate this master signed when they enlisted.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="divide-y">
            <Row label="Listens on">
              {cfg.roles.gateway ? `https://${cfg.gatewayHost}:${cfg.gatewayPort}` : 'Not in this process (MSX_ROLES)'}
            </Row>
            <Row label="Certificate names">{authority ? authority.gatewayNames.join(', ') : '—'}</Row>
            <Row label="Certificate valid until">{authority ? when(authority.gatewayValidTo) : '—'}</Row>
            <Row label="Certificate authority">
              {authority ? `${authority.caSubject}, valid until ${when(authority.caValidTo)}` : '—'}
            </Row>
          </dl>
          <div className="mt-4 space-y-2">
            <h3 className="text-sm font-medium" id="ca-fingerprint">
              CA fingerprint (SHA-256)
            </h3>
            {authority ? (
              <CodeBlock label="CA fingerprint" code={authority.caFingerprint} />
            ) : (
              <p className="text-sm text-muted-foreground">
                The certificate authority is made when the master first starts.
              </p>
            )}
            <p className="text-sm text-muted-foreground">
              Give it to <code className="font-mono text-foreground">msx-agent enlist --ca-fingerprint</code>: the agent
              trusts this master only if its certificate authority has exactly this fingerprint. Agents that reach the
              gateway by another name or address need it in{' '}
              <code className="font-mono text-foreground">MSX_GATEWAY_NAMES</code>.
            </p>
          </div>
        </CardContent>
      </Card>
    </div>
  )
}
