import type { Ability } from '@/components/auth/ability'
import { SettingRow } from '@/components/settings/setting-row'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import type { MailServerView, OperatorView } from '@/lib/msx/operator'
import { MailServerForm } from './mail-server-form'
import { OperatorForm } from './operator-form'
import { TestNotificationPanel } from './test-notification-panel'

const orNone = (v: string | null | undefined) => v || 'not set'

/** Settings' Master Server Operator card: editable by administrators, read-only with the reason for others. */
export function OperatorCard({ operator, edit }: { operator: OperatorView | null; edit: Ability }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Master Server Operator</CardTitle>
        <CardDescription>
          The MSXOperator: the only operator multiserver jobs notify, by e-mail, pager e-mail or webhook.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {edit.allowed ? (
          <OperatorForm operator={operator} />
        ) : (
          <>
            <p className="text-sm text-muted-foreground">{edit.reason}</p>
            <dl className="divide-y">
              <SettingRow label="Operator name" source="MSXOperator">
                {orNone(operator?.name)}
              </SettingRow>
              <SettingRow label="E-mail address" source="E-mail">
                {orNone(operator?.email)}
              </SettingRow>
              <SettingRow label="Pager e-mail address" source="Pager">
                {orNone(operator?.pagerEmail)}
              </SettingRow>
              <SettingRow
                label="Webhook URL"
                source={operator?.webhookSecretSet ? 'Signed; secret set' : 'Signed webhook'}
              >
                {orNone(operator?.webhookUrl)}
              </SettingRow>
            </dl>
          </>
        )}
        <TestNotificationPanel
          disabledReason={!edit.allowed ? edit.reason : operator ? undefined : 'Save the MSXOperator first.'}
        />
      </CardContent>
    </Card>
  )
}

/** Settings' Mail server card. */
export function MailServerCard({ mail, edit }: { mail: MailServerView | null; edit: Ability }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Mail server</CardTitle>
        <CardDescription>
          The SMTP server this master sends the MSXOperator's e-mail and pager e-mail through.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {edit.allowed ? (
          <MailServerForm mail={mail} />
        ) : (
          <>
            <p className="text-sm text-muted-foreground">{edit.reason}</p>
            <dl className="divide-y">
              <SettingRow label="Mail server" source="SMTP host and port">
                {mail ? `${mail.host}:${mail.port} (${mail.security})` : 'not set'}
              </SettingRow>
              <SettingRow label="User name" source={mail?.passwordSet ? 'Password set' : 'No password'}>
                {orNone(mail?.user)}
              </SettingRow>
              <SettingRow label="From address" source="From">
                {orNone(mail?.from)}
              </SettingRow>
            </dl>
          </>
        )}
      </CardContent>
    </Card>
  )
}
