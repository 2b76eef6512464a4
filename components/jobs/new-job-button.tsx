'use client'

import { PlusIcon } from 'lucide-react'
import Link from 'next/link'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { Button } from '@/components/ui/button'

/** New job, for those who may create jobs; others see it disabled with the reason. */
export function NewJobButton({ ability }: { ability: Ability }) {
  if (!ability.allowed)
    return (
      <GuardedButton ability={ability}>
        <PlusIcon aria-hidden /> New job
      </GuardedButton>
    )
  return (
    <Button asChild>
      <Link href="/jobs/new">
        <PlusIcon aria-hidden /> New job
      </Link>
    </Button>
  )
}
