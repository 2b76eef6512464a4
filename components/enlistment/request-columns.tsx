'use client'

import type { DataColumn } from '@/components/data-table/data-table'
import { RelativeTime } from '@/components/format/relative-time'
import type { PendingRequestRow } from '@/lib/msx/enlistment-request-list'
import { CannotEnlistBadge } from './cannot-enlist-badge'
import { KeyFingerprint } from './key-fingerprint'

const dash = <span className="text-muted-foreground">—</span>

export const requestColumns: DataColumn<PendingRequestRow>[] = [
  {
    id: 'name',
    header: 'Target server',
    rowHeader: true,
    cell: (r) => (
      <span className="inline-flex items-center gap-2">
        <span className="font-medium">{r.name}</span>
        {r.cannotEnlist && <CannotEnlistBadge reason={r.cannotEnlist} />}
      </span>
    ),
  },
  { id: 'location', header: 'Location', cell: (r) => r.location || dash },
  { id: 'agentVersion', header: 'Agent version', cell: (r) => <span className="tabular-nums">{r.agentVersion}</span> },
  {
    id: 'keyFingerprint',
    header: 'Key fingerprint',
    cell: (r) => <KeyFingerprint fingerprint={r.keyFingerprint} name={r.name} />,
  },
  {
    id: 'sourceAddress',
    header: 'Source address',
    cell: (r) => <code className="text-xs">{r.sourceAddress || '—'}</code>,
  },
  { id: 'requestedAt', header: 'Asked', cell: (r) => <RelativeTime iso={r.requestedAt} /> },
]
