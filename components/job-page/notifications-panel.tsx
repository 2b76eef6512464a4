// Notifications: when the MSXOperator, the only operator a multiserver job can notify, is told of its outcomes.
import { NoOperatorNote } from '@/components/operator/no-operator-note'
import { SettingRow } from '@/components/settings/setting-row'
import { Card, CardContent } from '@/components/ui/card'
import type { JobDescription } from '@/lib/msx/job-list'
import type { OperatorView } from '@/lib/msx/operator'

const WHEN: Record<string, string> = {
  never: 'Never',
  success: 'When the job succeeds',
  failure: 'When the job fails',
  completion: 'When the job completes',
  change: 'When the outcome changes (a failure after a success, and the recovery)',
}

export function NotificationsPanel({ job, operator }: { job: JobDescription; operator: OperatorView | null }) {
  const notify = job.definition.notify ?? {}
  const channels = [
    { label: 'E-mail', level: notify.email ?? 'never', to: operator?.email },
    { label: 'Pager', level: notify.pager ?? 'never', to: operator?.pagerEmail },
    { label: 'Webhook', level: notify.webhook ?? 'never', to: operator?.webhookUrl },
  ]
  return (
    <Card>
      <CardContent className="grid gap-3">
        {operator ? (
          <p className="text-sm text-muted-foreground">
            Multiserver jobs notify only the MSXOperator, {operator.name}.
          </p>
        ) : (
          <NoOperatorNote>This master has no MSXOperator yet, so no one is notified.</NoOperatorNote>
        )}
        <dl className="divide-y">
          {channels.map((c) => (
            <SettingRow
              key={c.label}
              label={c.label}
              source={
                c.level === 'never'
                  ? undefined
                  : c.to
                    ? `to ${c.to}`
                    : `the MSXOperator has no ${c.label.toLowerCase()} address: nothing is sent`
              }
            >
              {WHEN[c.level] ?? c.level}
            </SettingRow>
          ))}
        </dl>
      </CardContent>
    </Card>
  )
}
