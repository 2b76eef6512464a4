import type { Metadata } from 'next'
import { ChangePasswordForm } from '@/components/auth/change-password-form'
import { RevokeTokenButton } from '@/components/auth/revoke-token-button'
import { RelativeTime } from '@/components/format/relative-time'
import { PageHeader } from '@/components/page-header'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { CodeBlock } from '@/components/ui/code-block'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { listApiTokens } from '@/lib/auth/api-tokens'
import { contextOf } from '@/lib/auth/next/current-user'
import { requirePage } from '@/lib/auth/next/guards'
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/auth/roles'

export const metadata: Metadata = { title: 'Your account' }

export default async function AccountPage() {
  const { who } = await requirePage('self.manage')
  const tokens = await listApiTokens(await contextOf(who), who.user)
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-6 md:px-6">
      <PageHeader title="Your account" description={`Signed in as ${who.user.name}.`} />
      <Card>
        <CardHeader>
          <CardTitle>Role: {ROLE_LABELS[who.user.role]}</CardTitle>
          <CardDescription>{ROLE_DESCRIPTIONS[who.user.role]} Only an administrator can change it.</CardDescription>
        </CardHeader>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>
            Changing it signs out your other browser sessions; your API tokens keep working.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>API tokens</CardTitle>
          <CardDescription>
            What the msx command line signs in with. Each acts with your role; revoke one you no longer use.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {tokens.length === 0 ? (
            <p className="text-sm text-muted-foreground">You have no API tokens.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Id</TableHead>
                  <TableHead>Label</TableHead>
                  <TableHead>Token</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell className="tabular-nums">{t.id}</TableCell>
                    <TableCell>{t.label || '—'}</TableCell>
                    <TableCell className="font-mono text-xs">{t.hint}</TableCell>
                    <TableCell>
                      <RelativeTime iso={t.lastUsedAt} />
                    </TableCell>
                    <TableCell>
                      <RelativeTime iso={t.expiresAt} />
                    </TableCell>
                    <TableCell className="text-right">
                      <RevokeTokenButton id={t.id} label={t.label || String(t.id)} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <CodeBlock label="Sign the msx command line in" code={`msx login ${who.user.name} --password-stdin`} />
        </CardContent>
      </Card>
    </div>
  )
}
