'use client'

// The confirmation before Defect and Force Defection: which target servers, and what then happens to each.
import { sayNames } from '@/components/format/names'
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'

export type Defection = 'defect' | 'force'

const WORDS: Record<Defection, { title: string; action: string; happens: (them: string) => string }> = {
  defect: {
    title: 'Defect',
    action: 'Defect',
    happens: (them) =>
      `DEFECT is posted to ${them}. At its next poll each agent deletes the jobs it downloaded from this master and stops; ` +
      'the target leaves this list once it has done so. A target that no longer polls stays Defecting: use Force ' +
      'Defection for it.',
  },
  force: {
    title: 'Force the defection of',
    action: 'Force Defection',
    happens: (them) =>
      `This removes ${them} from this master at once, with their download instructions, and revokes their ` +
      'certificates. A running agent is refused at its next request and stops; the jobs it downloaded stay on its ' +
      'target until msx-agent defect --force is run there. Use Defect instead for a target that still polls.',
  },
}

export function DefectionConfirm({
  kind,
  onCancel,
  onConfirm,
  count,
  names,
  allMatching,
}: {
  /** which confirmation is open, or null for none */
  kind: Defection | null
  onCancel: () => void
  onConfirm: (kind: Defection) => void
  /** "2 target servers" */
  count: string
  /** the chosen rows' names (when not every target a filter matches) */
  names: string[]
  allMatching: boolean
}) {
  const words = WORDS[kind ?? 'defect']
  const them = allMatching ? `all ${count} that match the filter` : sayNames(names)
  return (
    <AlertDialog open={kind !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {words.title} {count}?
          </AlertDialogTitle>
          <AlertDialogDescription>{words.happens(them)}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={() => kind && onConfirm(kind)}>{words.action}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
