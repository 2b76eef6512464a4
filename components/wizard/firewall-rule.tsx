// The one firewall rule the multiserver configuration needs, in a block a DBA can copy for the network team.
import { CopyButton } from '@/components/target-page/copy-button'

export function FirewallRule({ rule }: { rule: string }) {
  return (
    <div className="flex min-w-0 items-start gap-2 rounded-lg border bg-muted/60 py-2 pr-1.5 pl-4 dark:bg-black/30">
      <p className="min-w-0 flex-1 py-1 font-mono text-[13px] leading-relaxed wrap-anywhere">{rule}</p>
      <CopyButton value={rule} label="Copy the firewall rule" />
    </div>
  )
}
