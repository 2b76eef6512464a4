import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { abilityOf } from '@/components/auth/ability'
import { enlistHints } from '@/components/targets/enlist-hints'
import { ChecksStep } from '@/components/wizard/checks-step'
import { CompatibilityTable } from '@/components/wizard/compatibility-table'
import { CompleteRun } from '@/components/wizard/complete-run'
import { OperatorStep } from '@/components/wizard/operator-step'
import { TargetsStep } from '@/components/wizard/targets-step'
import { WizardFrame } from '@/components/wizard/wizard-frame'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { readMailServer, readOperator } from '@/lib/msx/operator'
import { readWizardProgress, wizardStepBlocker } from '@/lib/msx/wizard'
import { listWizardRequests } from '@/lib/msx/wizard-requests'
import { chosenRequests } from '@/lib/msx/wizard-run'
import { neighbours, WIZARD_STEPS, type WizardStep, wizardStep } from '@/lib/msx/wizard-steps'
import { wizardRequestsOptions } from '@/lib/query/lists'
import { getQueryClient } from '@/lib/query/query-client'

type Props = { params: Promise<{ step: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step: id } = await params
  const step = WIZARD_STEPS.find((s) => s.id === id)
  return { title: step ? `Master Server Wizard: ${step.title}` : 'Master Server Wizard' }
}

const DESCRIPTIONS: Record<WizardStep, string> = {
  checks:
    'What targets need of this master, each checked now. A failed check says what to fix; a warning can wait. The network rule is the one rule to give a firewall team.',
  operator:
    'The Master Server Operator (MSXOperator) is told about multiserver job outcomes. Send a test notification to see each channel answer.',
  targets:
    'Choose the pending enlistment requests to enlist, or make an enlistment token and run the command it shows on each target. Run msx-agent doctor first on a target that cannot reach this master.',
  compatibility:
    'Each selected target server is checked before it is enlisted: its agent version, clock, the account it runs jobs as and how it encrypts. One that fails is not enlisted.',
  complete:
    'Finish does what is listed, one action at a time, each with its result and its own entry in the activity log.',
}

async function stepContent(
  step: WizardStep,
  edit: ReturnType<typeof abilityOf>,
  role: Parameters<typeof abilityOf>[0],
) {
  const database = await db()
  switch (step) {
    case 'checks':
      return <ChecksStep ability={edit} />
    case 'operator':
      return (
        <OperatorStep
          operator={await readOperator(database)}
          mail={await readMailServer(database)}
          edit={abilityOf(role, 'operator.edit')}
        />
      )
    case 'targets': {
      const queryClient = getQueryClient()
      await queryClient.prefetchQuery({ ...wizardRequestsOptions(), queryFn: () => listWizardRequests(database) })
      return (
        <HydrationBoundary state={dehydrate(queryClient)}>
          <TargetsStep hints={await enlistHints()} choose={edit} tokens={abilityOf(role, 'enlistment.tokens')} />
        </HydrationBoundary>
      )
    }
    case 'compatibility':
      return <CompatibilityTable results={await chosenRequests(database)} />
    case 'complete': {
      const [operator, results, progress] = await Promise.all([
        readOperator(database),
        chosenRequests(database),
        readWizardProgress(database),
      ])
      return (
        <CompleteRun
          operatorName={operator?.name ?? 'MSXOperator'}
          plan={results.map((r) => ({ name: r.name, refusal: r.status === 'fail' ? r.reason : undefined }))}
          lastRun={progress.lastRun}
          ability={edit}
        />
      )
    }
  }
}

export default async function WizardStepPage({ params }: Props) {
  const parsed = wizardStep.safeParse((await params).step)
  if (!parsed.success) notFound()
  const step = parsed.data
  const { who } = await requirePage('read')
  const database = await db()
  const edit = abilityOf(who.user.role, 'wizard.run')
  const progress = await readWizardProgress(database)
  const { next } = neighbours(step)
  const [blocked, nextBlocked] = await Promise.all([
    wizardStepBlocker(database, step),
    next ? wizardStepBlocker(database, next) : null,
  ])
  return (
    <WizardFrame
      step={step}
      reached={progress.step}
      ability={edit}
      nextBlocked={blocked ?? nextBlocked}
      description={DESCRIPTIONS[step]}
    >
      {blocked ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-4 text-sm">
          {blocked}
        </p>
      ) : (
        await stepContent(step, edit, who.user.role)
      )}
    </WizardFrame>
  )
}
