// General: what SSMS's Job Properties General page shows of a multiserver job.
import { LocalDate } from '@/components/format/relative-time'
import { SettingRow } from '@/components/settings/setting-row'
import { Card, CardContent } from '@/components/ui/card'
import type { JobDescription } from '@/lib/msx/job-list'

export function GeneralPanel({ job }: { job: JobDescription }) {
  const d = job.definition
  return (
    <Card>
      <CardContent>
        <dl className="divide-y">
          <SettingRow label="Name" source="Unique, compared without regard to case">
            {d.name}
          </SettingRow>
          <SettingRow label="Description" source="What the job is for">
            {d.description || 'none'}
          </SettingRow>
          <SettingRow label="Category" source="Multiserver job category">
            {d.category ?? '[Uncategorized (Multi-Server)]'}
          </SettingRow>
          <SettingRow label="Owner" source="Who created it">
            {job.owner}
          </SettingRow>
          <SettingRow label="Enabled" source="A disabled job's schedules fire on no target">
            {d.enabled === false ? 'No' : 'Yes'}
          </SettingRow>
          <SettingRow
            label="Schedules paused"
            source="Pause schedules until: no scheduled run fires on any target before then"
          >
            {job.pausedUntil ? (
              <>
                Until <LocalDate iso={job.pausedUntil} />
              </>
            ) : (
              'No'
            )}
          </SettingRow>
          <SettingRow label="Version" source="Raised by each save; targets hold the version they last downloaded">
            {job.version}
          </SettingRow>
        </dl>
      </CardContent>
    </Card>
  )
}
