'use client'

import { CheckIcon, CopyIcon } from 'lucide-react'
import { useEffect, useState } from 'react'
import { cn } from '@/lib/utils'
import { Button } from './button'

function copyWithSelection(text: string) {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  document.execCommand('copy')
  area.remove()
}

/** Copies text; the Clipboard API exists only in secure contexts, so a dashboard reached over plain HTTP falls back. */
export async function copyText(text: string) {
  if (navigator.clipboard) await navigator.clipboard.writeText(text)
  else copyWithSelection(text)
}

/** A command to run elsewhere, with a button that copies it. */
export function CodeBlock({ code, label, className }: { code: string; label: string; className?: string }) {
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])

  async function copy() {
    await copyText(code)
    setCopied(true)
  }

  return (
    <div className={cn('group relative min-w-0 rounded-lg border bg-muted/60 dark:bg-black/30', className)}>
      {/* a long command scrolls sideways: focusable, so that the keyboard can scroll it too */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <pre tabIndex={0} className="overflow-x-auto py-3 pr-12 pl-4 font-mono text-[13px] leading-relaxed">
        <code>{code}</code>
      </pre>
      <Button
        variant="ghost"
        size="icon-sm"
        onClick={copy}
        aria-label={copied ? `${label} copied` : `Copy ${label}`}
        className="absolute top-1.5 right-1.5 text-muted-foreground hover:text-foreground"
      >
        {copied ? (
          <CheckIcon className="text-emerald-600 dark:text-emerald-400" aria-hidden />
        ) : (
          <CopyIcon aria-hidden />
        )}
      </Button>
      <span className="sr-only" aria-live="polite">
        {copied ? 'Copied to the clipboard' : ''}
      </span>
    </div>
  )
}
