import type { Metadata } from 'next'
import Link from 'next/link'
import { SetupForm } from '@/components/auth/setup-form'
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card'
import { CodeBlock } from '@/components/ui/code-block'
import { userCount } from '@/lib/auth/users'
import { db } from '@/lib/db/client'

export const metadata: Metadata = { title: 'Set up' }

// Public by design, once: it creates the first administrator and refuses for good after that.
export default async function SetupPage() {
  if ((await userCount(await db())) > 0)
    return (
      <Card>
        <CardHeader>
          <h1 className="font-semibold leading-none">Already set up</h1>
          <CardDescription>
            This master has its administrator. Sign in, or ask an administrator for an account.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/sign-in" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            Go to sign-in
          </Link>
        </CardContent>
      </Card>
    )
  return (
    <Card>
      <CardHeader>
        <h1 className="font-semibold leading-none">Create the first administrator</h1>
        <CardDescription>
          This master has no users yet. The administrator you create here can add operators and viewers. This page works
          once.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <SetupForm />
        <div className="grid min-w-0 gap-2 border-t pt-4 text-sm text-muted-foreground">
          <p>Or, on the master server itself:</p>
          <CodeBlock
            label="Create the first administrator on the master"
            code="msx user create NAME --role administrator --password-stdin"
          />
        </div>
      </CardContent>
    </Card>
  )
}
