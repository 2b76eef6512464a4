'use client'

import { CheckIcon, CopyIcon } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { copyText } from '@/components/ui/code-block'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'

/** "sha256:3f9a1c2b…d41e": enough to tell keys apart at a glance; the whole one is compared on the target. */
export function shortFingerprint(fingerprint: string) {
  const [prefix, hex] = fingerprint.includes(':') ? fingerprint.split(/:(.*)/s) : ['', fingerprint]
  const body = hex ?? ''
  const short = body.length > 14 ? `${body.slice(0, 8)}…${body.slice(-4)}` : body
  return prefix ? `${prefix}:${short}` : short
}

/** The agent's key fingerprint, shortened, the whole in a tooltip, with a button that copies it. */
export function KeyFingerprint({ fingerprint, name }: { fingerprint: string; name: string }) {
  const [copied, setCopied] = useState(false)
  async function copy() {
    await copyText(fingerprint)
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }
  return (
    <span className="inline-flex items-center gap-1">
      <code className="font-mono text-xs" title={fingerprint}>
        {shortFingerprint(fingerprint)}
      </code>
      {/* the copy button carries the whole fingerprint in its tooltip, so keyboard users can read it too */}
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            variant="ghost"
            size="icon-sm"
            className="size-6 text-muted-foreground"
            aria-label={copied ? `Key fingerprint of ${name} copied` : `Copy the key fingerprint of ${name}`}
            onClick={copy}
          >
            {copied ? <CheckIcon aria-hidden /> : <CopyIcon aria-hidden />}
          </Button>
        </TooltipTrigger>
        <TooltipContent className="max-w-none font-mono">{fingerprint}</TooltipContent>
      </Tooltip>
    </span>
  )
}
