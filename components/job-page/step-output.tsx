'use client'

// A step's output in History: its tail as the list carries it, the whole text on demand, and a download.
import { DownloadIcon } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'

const count = new Intl.NumberFormat('en-US')

export function StepOutput({
  id,
  label,
  output,
  outputChars,
  outputTruncated,
}: {
  /** the step's history row */
  id: number
  /** "step 2 on TSX1", for the controls' names */
  label: string
  output: string
  outputChars: number
  outputTruncated: boolean
}) {
  const [whole, setWhole] = useState<{ text: string | null; loading: boolean; error?: string }>({
    text: null,
    loading: false,
  })
  const address = `/api/jobs/history/${id}/output`
  const showAll = async () => {
    setWhole({ text: null, loading: true })
    const response = await fetch(address).catch(() => null)
    if (!response?.ok) {
      const answer = response ? ((await response.json().catch(() => null)) as { error?: string } | null) : null
      setWhole({
        text: null,
        loading: false,
        error: answer?.error ?? 'The output could not be read from the master: try again.',
      })
      return
    }
    setWhole({ text: await response.text(), loading: false })
  }
  const shown = whole.text ?? output
  return (
    <div className="grid gap-1.5">
      <pre className="max-h-60 overflow-auto rounded bg-muted/60 p-2 font-mono text-xs whitespace-pre-wrap break-words dark:bg-black/30">
        {shown}
      </pre>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
        {outputTruncated && whole.text === null && (
          <>
            <span>
              The last {count.format(output.length)} of {count.format(outputChars)} characters.
            </span>
            <Button variant="link" size="sm" className="h-auto p-0 text-xs" disabled={whole.loading} onClick={showAll}>
              {whole.loading ? 'Reading the whole output…' : 'Show all output'}
            </Button>
          </>
        )}
        <a
          href={`${address}?download=1`}
          download
          className="inline-flex items-center gap-1 underline underline-offset-2"
          aria-label={`Download the output of ${label}`}
        >
          <DownloadIcon className="size-3.5" aria-hidden />
          Download
        </a>
        {whole.error && (
          <span role="alert" className="text-destructive">
            {whole.error}
          </span>
        )}
      </div>
    </div>
  )
}
