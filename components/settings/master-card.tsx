import type { Ability } from '@/components/auth/ability'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import type { Config } from '@/lib/config'
import { parseDatabaseUrl } from '@/lib/db/url'
import type { readMaster } from '@/lib/msx/master'
import { when } from './format'
import { MasterSettingsForm } from './master-settings-form'
import { SettingRow } from './setting-row'
import { INTERVAL_SCOPE, nameSource } from './wording'

type Master = Awaited<ReturnType<typeof readMaster>>

function databaseDescription(url: string) {
  const target = parseDatabaseUrl(url)
  if (target.provider === 'sqlite') return `SQLite, ${target.file}`
  const parsed = new URL(url)
  return `PostgreSQL, ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
}

/** The master (MSX): its name and default polling interval, editable by administrators, and where the rest comes from. */
export function MasterCard({ master, cfg, edit }: { master: Master; cfg: Config; edit: Ability }) {
  const name = master?.name ?? cfg.masterName
  return (
    <Card>
      <CardHeader>
        <CardTitle>Master server</CardTitle>
        <CardDescription>The multiserver administration master (MSX) every target server reports to.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2">
        {master && edit.allowed && (
          <MasterSettingsForm
            settings={{
              name,
              defaultPollIntervalSeconds: master.defaultPollIntervalSeconds,
              nameSource: nameSource(cfg),
            }}
          />
        )}
        {!edit.allowed && (
          <p className="text-sm text-muted-foreground" data-testid="settings-refusal">
            {edit.reason}
          </p>
        )}
        <dl className="divide-y">
          {!(master && edit.allowed) && (
            <>
              <SettingRow label="Name" source={nameSource(cfg)}>
                {name}
              </SettingRow>
              <SettingRow label="Default polling interval" source={INTERVAL_SCOPE}>
                {master ? `${master.defaultPollIntervalSeconds} s` : '—'}
              </SettingRow>
            </>
          )}
          <SettingRow
            label="Version"
            source={cfg.reportedVersion ? 'MSX_REPORTED_VERSION' : 'The installed msx-admin release'}
          >
            {master?.version ?? 'not started yet'}
          </SettingRow>
          <SettingRow label="Made master on" source="Created at first start">
            {master ? when(master.madeMasterAt) : '—'}
          </SettingRow>
          <SettingRow label="State" source="Dismantled only once no target server is enlisted">
            {master?.dismantledAt ? <>Dismantled on {when(master.dismantledAt)}</> : 'Accepting target servers'}
          </SettingRow>
          <SettingRow label="Data folder" source="MSX_DATA_DIR">
            {cfg.dataDir}
          </SettingRow>
          <SettingRow
            label="Database"
            source={cfg.given.databaseUrl ? 'DATABASE_URL' : 'In the data folder (MSX_DATA_DIR)'}
          >
            {databaseDescription(cfg.databaseUrl)}
          </SettingRow>
          <SettingRow label="Activity log kept for" source="MSX_AUDIT_RETENTION_DAYS">
            {`${cfg.auditRetentionDays} days`}
          </SettingRow>
        </dl>
      </CardContent>
    </Card>
  )
}
