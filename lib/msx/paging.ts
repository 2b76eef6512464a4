import { z } from 'zod'

/** The page of a list every list query takes: 1-based, 1 to 500 rows a page. */
export const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
}

export function pageWindow(query: { page: number; pageSize: number }) {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize }
}
