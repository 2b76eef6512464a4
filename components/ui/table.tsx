import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'
import { TableScroll } from './table-scroll'

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <TableScroll label={props['aria-label']} labelledBy={props['aria-labelledby']}>
      <table data-slot="table" className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </TableScroll>
  )
}

export function TableHeader({ className, ...props }: ComponentProps<'thead'>) {
  return <thead data-slot="table-header" className={cn('bg-muted/50 [&_tr]:border-b', className)} {...props} />
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody data-slot="table-body" className={cn('[&_tr:last-child]:border-0', className)} {...props} />
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return (
    <tr
      data-slot="table-row"
      className={cn('border-b transition-colors hover:bg-muted/40 data-[state=selected]:bg-muted', className)}
      {...props}
    />
  )
}

export function TableHead({ className, scope = 'col', ...props }: ComponentProps<'th'>) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn(
        'h-10 px-2.5 py-1.5 text-left align-middle text-xs font-medium leading-tight text-muted-foreground first:pl-4 last:pr-4',
        className,
      )}
      {...props}
    />
  )
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return (
    <td
      data-slot="table-cell"
      className={cn('whitespace-nowrap px-2.5 py-2 align-middle first:pl-4 last:pr-4', className)}
      {...props}
    />
  )
}

export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return (
    <caption data-slot="table-caption" className={cn('mt-4 text-sm text-muted-foreground', className)} {...props} />
  )
}
