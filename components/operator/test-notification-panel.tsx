'use client'

import { useState } from 'react'
import { FormMessage } from '@/components/forms/field'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { sendTestNotificationAction } from './actions'

/** Send test notification: one line per channel with the mail server's or receiver's answer. */
export function TestNotificationPanel({ disabledReason }: { disabledReason?: string }) {
  const { run, pending, outcome } = useServerAction()
  const [lines, setLines] = useState<{ ok: boolean; line: string }[]>([])
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="outline"
          disabled={pending || Boolean(disabledReason)}
          onClick={() => run(() => sendTestNotificationAction({}), setLines)}
        >
          {pending ? 'Sending…' : 'Send test notification'}
        </Button>
        {disabledReason ? (
          <p className="text-sm text-muted-foreground">{disabledReason}</p>
        ) : (
          <FormMessage state={outcome} />
        )}
      </div>
      {lines.length > 0 && (
        <ul className="grid gap-1 text-sm" aria-label="Test notification results">
          {lines.map((r) => (
            <li key={r.line} className={r.ok ? 'break-words' : 'break-words text-destructive'}>
              {r.line}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
