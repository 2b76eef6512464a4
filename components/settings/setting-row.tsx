import type { ReactNode } from 'react'

/** One value of Settings, with where it comes from (a variable, the data folder, the first start). */
export function SettingRow({ label, source, children }: { label: string; source?: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[14rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm wrap-anywhere">
        {children}
        {source && <span className="mt-0.5 block text-xs text-muted-foreground">{source}</span>}
      </dd>
    </div>
  )
}
