'use client'

// Download agent package: a deb or tar made on request, saved by the browser as a file.
import { DownloadIcon } from 'lucide-react'
import { useId, useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { FormMessage } from '@/components/forms/field'
import { useServerAction } from '@/components/forms/use-server-action'
import { createAgentPackageAction } from './agent-package-action'

function save(fileName: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }))
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName })
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function DownloadAgentPackage({ ability, gatewayUrl }: { ability: Ability; gatewayUrl: string }) {
  const { run, pending, outcome } = useServerAction()
  const [type, setType] = useState<'deb' | 'tar'>('deb')
  const typeId = useId()
  const download = () =>
    run(
      () => createAgentPackageAction({ type, gatewayUrl }),
      (made) => save(made.fileName, made.base64),
    )
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground">
        Or install a package that enlists the target by itself: the agent, this master's address and CA, and a new
        enlistment token. It needs Node.js 20 or newer on the target.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={typeId} className="text-sm font-medium">
          Package
        </label>
        <select
          id={typeId}
          value={type}
          onChange={(e) => setType(e.target.value === 'tar' ? 'tar' : 'deb')}
          disabled={!ability.allowed}
          className="h-9 rounded-md border border-input bg-background px-2 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <option value="deb">deb (Debian, Ubuntu)</option>
          <option value="tar">tar (other Linux)</option>
        </select>
        <GuardedButton ability={ability} type="button" variant="outline" disabled={pending} onClick={download}>
          <DownloadIcon aria-hidden />
          {pending ? 'Making the package…' : 'Download agent package'}
        </GuardedButton>
      </div>
      <FormMessage state={outcome} />
    </div>
  )
}
