import { redirect } from 'next/navigation'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { readWizardProgress } from '@/lib/msx/wizard'

// The wizard opens where it stands for every administrator.
export default async function WizardHome() {
  await requirePage('read')
  const { step } = await readWizardProgress(await db())
  redirect(`/wizard/${step}`)
}
