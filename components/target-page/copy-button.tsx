'use client'

import { CheckIcon, CopyIcon } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'

/** Copies a value to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<boolean | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
    } catch {
      // no clipboard outside a secure context: the value stays selectable on the page
      setCopied(false)
    }
  }
  return (
    <>
      <Button type="button" variant="ghost" size="icon-sm" onClick={copy} aria-label={label}>
        {copied ? <CheckIcon aria-hidden /> : <CopyIcon aria-hidden />}
      </Button>
      <span role="status" className="sr-only">
        {copied === true ? 'Copied.' : copied === false ? 'Could not copy: select the text instead.' : ''}
      </span>
    </>
  )
}
