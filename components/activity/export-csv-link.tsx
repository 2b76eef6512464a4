'use client'

import { DownloadIcon } from 'lucide-react'
import { Button } from '@/components/ui/button'
import type { AuditListParams } from '@/lib/query/keys'
import { toQueryString } from '@/lib/query/url'

/** Downloads every entry the current filters select, not only the page shown. */
export function ExportCsvLink({ query }: { query: AuditListParams }) {
  const { page: _page, pageSize: _pageSize, ...filters } = query
  const qs = toQueryString(filters)
  return (
    <Button asChild variant="outline" size="sm">
      <a href={qs ? `/api/activity/export?${qs}` : '/api/activity/export'} download>
        <DownloadIcon aria-hidden />
        Export CSV
      </a>
    </Button>
  )
}
