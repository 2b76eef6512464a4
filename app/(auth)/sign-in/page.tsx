import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/auth/sign-in-form'
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card'
import { currentUser } from '@/lib/auth/next/current-user'
import { userCount } from '@/lib/auth/users'
import { db } from '@/lib/db/client'

export const metadata: Metadata = { title: 'Sign in' }

// Public by design: the page where a session begins.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if ((await userCount(await db())) === 0) redirect('/setup')
  if (await currentUser()) redirect('/targets')
  const { next } = await searchParams
  return (
    <Card>
      <CardHeader>
        <h1 className="font-semibold leading-none">Sign in</h1>
        <CardDescription>Sign in to administer this master server and its target servers.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignInForm next={typeof next === 'string' ? next : undefined} />
      </CardContent>
    </Card>
  )
}
