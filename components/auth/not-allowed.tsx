import { LockIcon } from 'lucide-react'
import { PageHeader } from '@/components/page-header'

/** What a signed-in user sees on a page their role does not open: why, and whom to ask. */
export function NotAllowed({ title, reason }: { title: string; reason: string }) {
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-6 md:px-6">
      <PageHeader title={title} />
      <div role="alert" className="flex items-start gap-3 rounded-lg border bg-muted/40 p-4 text-sm">
        <LockIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>{reason}</p>
      </div>
    </div>
  )
}
