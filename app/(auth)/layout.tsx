import { NetworkIcon } from 'lucide-react'
import type { ReactNode } from 'react'

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-svh items-center justify-center bg-muted/40 px-4 py-10">
      <div className="flex w-full max-w-sm flex-col gap-6">
        <div className="flex items-center justify-center gap-2">
          <span className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <NetworkIcon className="size-4" aria-hidden />
          </span>
          <span className="text-lg font-semibold tracking-tight">msx-admin</span>
        </div>
        {children}
      </div>
    </main>
  )
}
