import type { Metadata } from 'next'
import { NotAllowed } from '@/components/auth/not-allowed'
import { RelativeTime } from '@/components/format/relative-time'
import { PageHeader } from '@/components/page-header'
import { Badge } from '@/components/ui/badge'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { CreateUserForm } from '@/components/users/create-user-form'
import { UserRowActions } from '@/components/users/user-row-actions'
import { requirePage } from '@/lib/auth/next/guards'
import { ROLE_LABELS } from '@/lib/auth/roles'
import { listUsers } from '@/lib/auth/users'
import { db } from '@/lib/db/client'

export const metadata: Metadata = { title: 'Users' }

export default async function UsersPage() {
  const access = await requirePage('users.manage')
  if (!access.allowed) return <NotAllowed title="Users" reason={access.reason} />
  const users = await listUsers(await db())
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 md:px-6">
      <PageHeader
        title="Users"
        description="Who may sign in to this master, and with which role: administrators do everything, operators run the fleet, viewers read."
      />
      <Card>
        <CardHeader>
          <CardTitle>New user</CardTitle>
          <CardDescription>
            Give the password to the person over a safe channel; they can change it on their account page.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateUserForm />
        </CardContent>
      </Card>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>User</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Last sign-in</TableHead>
            <TableHead className="text-right">Actions</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableCell className="font-medium">
                {u.name}
                {u.id === access.who.user.id && <span className="ml-2 text-xs text-muted-foreground">(you)</span>}
              </TableCell>
              <TableCell>{ROLE_LABELS[u.role]}</TableCell>
              <TableCell>
                {u.disabled ? (
                  <Badge variant="gray">Disabled</Badge>
                ) : u.locked ? (
                  <Badge variant="amber">Locked after failed sign-ins</Badge>
                ) : (
                  <Badge variant="green">Active</Badge>
                )}
              </TableCell>
              <TableCell>
                <RelativeTime iso={u.lastSignInAt} fallback="never" />
              </TableCell>
              <TableCell>
                <UserRowActions name={u.name} role={u.role} disabled={u.disabled} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
