import { ServerIcon } from 'lucide-react'
import { CodeBlock } from '@/components/ui/code-block'

export interface EnlistHints {
  /** the agent gateway's address as agents reach it, e.g. https://msx01.example.com:3443 */
  gatewayUrl: string
  /** the master's CA fingerprint, when its CA exists yet */
  caFingerprint: string | null
}

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="grid grid-cols-[1.75rem_1fr] gap-x-3 gap-y-2">
      <span
        className="flex size-7 items-center justify-center rounded-full border bg-background text-xs font-semibold"
        aria-hidden
      >
        {n}
      </span>
      <div className="min-w-0 space-y-2">
        <h3 className="pt-1 text-sm font-medium">{title}</h3>
        {children}
      </div>
    </li>
  )
}

/** Shown while no target server is enlisted: what one is, and how to enlist the first. */
export function FirstTargetGuide({ hints }: { hints: EnlistHints }) {
  const enlist = [
    'npx msx-agent enlist \\',
    `  --master ${hints.gatewayUrl} \\`,
    '  --name <NAME> \\',
    '  --token <TOKEN> \\',
    `  --ca-fingerprint ${hints.caFingerprint ?? '<SHA256>'}`,
  ].join('\n')
  return (
    <section aria-labelledby="first-target-title" className="rounded-xl border border-dashed bg-card/50 px-6 py-12">
      <div className="mx-auto max-w-3xl">
        <div className="flex flex-col items-center text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
            <ServerIcon className="size-6" aria-hidden />
          </span>
          <h2 id="first-target-title" className="mt-4 text-lg font-semibold">
            No target servers yet
          </h2>
          <p className="mt-2 max-w-xl text-sm text-muted-foreground">
            A target server is a server running the <code className="font-mono text-foreground">msx-agent</code> that
            enlists into this master. It polls the master, downloads its instructions, runs the multiserver jobs it is
            given and reports each outcome back here.
          </p>
        </div>
        <ol className="mt-10 space-y-8">
          <Step n={1} title="On this master, create an enlistment token">
            <CodeBlock label="token command" code="npx msx token create" />
            <p className="text-sm text-muted-foreground">It prints a token to give to the agent; keep it secret.</p>
          </Step>
          <Step n={2} title="On the target, install and run the agent, then enlist it">
            <CodeBlock label="enlist command" code={enlist} />
            <p className="text-sm text-muted-foreground">
              Replace <code className="font-mono text-foreground">&lt;NAME&gt;</code> with the target's server name and{' '}
              <code className="font-mono text-foreground">&lt;TOKEN&gt;</code> with the token from step 1. The CA
              fingerprint lets the agent verify it is talking to this master.
            </p>
          </Step>
          <Step n={3} title="Watch it appear">
            <p className="text-sm text-muted-foreground">
              The target is listed here as soon as it is enlisted, and shows <span className="font-medium">Normal</span>{' '}
              once it polls. This page refreshes by itself.
            </p>
          </Step>
        </ol>
      </div>
    </section>
  )
}
