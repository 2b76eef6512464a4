'use client'

import { useQuery } from '@tanstack/react-query'
import type { TargetSelection } from '@/lib/msx/target-selection'
import { targetKeys } from '@/lib/query/keys'
import type { PostableOperation } from './instruction-types'
import { countRecipientsAction } from './post-instructions-actions'

export interface RecipientCountInput {
  operation: PostableOperation
  job?: string
  recipients: { all: true } | { group: string } | { selection: TargetSelection }
}

/** How many target servers the instruction would reach, or why it would reach none; asked of the master. */
export function useRecipientCount(input: RecipientCountInput | null) {
  return useQuery({
    queryKey: targetKeys.recipientCount(input ?? {}),
    enabled: input !== null,
    queryFn: async () => {
      const result = await countRecipientsAction(input)
      if (!result.ok)
        throw new Error(result.fieldErrors ? Object.values(result.fieldErrors).flat().join(' ') : result.message)
      return result.data.count
    },
    retry: false,
  })
}
