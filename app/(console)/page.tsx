import { redirect } from 'next/navigation'
import { requirePage } from '@/lib/auth/next/guards'

export default async function Home() {
  await requirePage('read')
  redirect('/targets')
}
