'use client'

import { ServerIcon } from 'lucide-react'
import type { Ability } from '@/components/auth/ability'
import { DownloadAgentPackage } from '@/components/enlistment/download-agent-package'
import { TokenList } from '@/components/enlistment/token-list'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog'
import type { EnlistHints } from './enlist-command'
import { EnlistSteps } from './enlist-steps'

/** Enlist another target server at any time: a token, then the command to run on the target. */
export function EnlistTargetDialog({ hints, tokens }: { hints: EnlistHints; tokens: Ability }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline">
          <ServerIcon aria-hidden />
          Enlist a target server…
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Enlist a target server</DialogTitle>
          <DialogDescription>
            Run the agent's enlist command on the target. With a token it is enlisted at once; without one its request
            waits above the list for an operator to enlist it.
          </DialogDescription>
        </DialogHeader>
        <ol className="space-y-6">
          <EnlistSteps hints={hints} tokens={tokens} />
        </ol>
        <DownloadAgentPackage ability={tokens} gatewayUrl={hints.gatewayUrl} />
        <TokenList ability={tokens} />
      </DialogContent>
    </Dialog>
  )
}
