'use client'

// The job editor: SSMS's Job Properties pages as tabs over one form, saved with one button. Before the save, the
// plan (how many targets get INSERT, UPDATE or DELETE, and which are offline or blocked) is shown and confirmed;
// a job saved by someone else since it was opened is refused with who and when.
import { zodResolver } from '@hookform/resolvers/zod'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { type FieldErrors, FormProvider, useForm } from 'react-hook-form'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
import { jobHref } from '@/components/jobs/job-href'
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
import { Button } from '@/components/ui/button'
import { type JobDefinition, jobEditorDefinition } from '@/lib/msx/job-definition'
import type { JobSavePlan } from '@/lib/msx/job-save-plan'
import type { OperatorView } from '@/lib/msx/operator'
import { cn } from '@/lib/utils'
import { planJobSaveAction, saveJobAction } from './actions'
import { EDITOR_TABS, type EditorTab, type JobForm } from './editor-types'
import { keepFlash } from './flash'
import { GeneralFields } from './general-fields'
import { NotificationFields } from './notification-fields'
import { describeSavePlan } from './save-words'
import type { TargetZone } from './schedule-fields'
import { SchedulesEditor } from './schedules-editor'
import { StepsEditor } from './steps-editor'
import { TargetsPicker } from './targets-picker'
import { useUnsavedChanges } from './use-unsaved-changes'

const TAB_OF_FIELD: Record<string, EditorTab> = {
  name: 'general',
  description: 'general',
  category: 'general',
  enabled: 'general',
  steps: 'steps',
  schedules: 'schedules',
  targets: 'targets',
  notify: 'notifications',
}

const tabsWithErrors = (errors: FieldErrors<JobForm>) =>
  new Set(Object.keys(errors).map((key) => TAB_OF_FIELD[key] ?? 'general'))

export interface JobEditorProps {
  existingName: string | null
  version: number | null
  initial: JobForm
  initialTab: EditorTab
  owner: string
  categories: string[]
  operator: OperatorView | null
  now: string
  masterTimeZone: string
  zones: TargetZone[]
}

export function JobEditor(props: JobEditorProps) {
  const router = useRouter()
  const form = useForm<JobForm, unknown, JobDefinition>({
    resolver: zodResolver(jobEditorDefinition),
    defaultValues: props.initial,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const [tab, setTab] = useState<EditorTab>(props.initialTab)
  const [asking, setAsking] = useState<{ definition: JobDefinition; plan: JobSavePlan | null; error?: string } | null>(
    null,
  )
  const { run, pending, outcome, setOutcome } = useServerAction()
  const { isDirty, errors } = form.formState
  const { leaving, stay } = useUnsavedChanges(isDirty && !pending)
  const erring = tabsWithErrors(errors)
  const save = { existingName: props.existingName, expectedVersion: props.version }
  const cancelHref = props.existingName ? jobHref(props.existingName) : '/jobs'

  const choose = (next: EditorTab) => {
    setTab(next)
    const url = new URL(window.location.href)
    url.searchParams.set('tab', next)
    window.history.replaceState(null, '', url)
  }
  const onValid = async (definition: JobDefinition) => {
    setOutcome(null)
    setAsking({ definition, plan: null })
    const answer = await planJobSaveAction({ ...save, definition })
    setAsking(answer.ok ? { definition, plan: answer.data } : { definition, plan: null, error: answer.message })
  }
  const onInvalid = (found: FieldErrors<JobForm>) => {
    const first = EDITOR_TABS.find((t) => tabsWithErrors(found).has(t.id))
    if (first && first.id !== tab) choose(first.id)
    setOutcome({
      ok: false,
      message: `Some values need attention on ${EDITOR_TABS.filter((t) => tabsWithErrors(found).has(t.id))
        .map((t) => t.label)
        .join(', ')}.`,
    })
  }
  const confirm = () => {
    if (!asking) return
    const { definition } = asking
    run(
      () => saveJobAction({ ...save, definition }),
      (data, message) => {
        form.reset(form.getValues())
        keepFlash(message)
        router.push(jobHref(data.name))
      },
    )
  }

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit(onValid, onInvalid)}
        className="grid gap-5"
        aria-label="Job properties"
      >
        <div role="tablist" aria-label="Job properties pages" className="flex gap-4 overflow-x-auto border-b">
          {EDITOR_TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={t.id === tab}
              aria-controls={`panel-${t.id}`}
              onClick={() => choose(t.id)}
              className={cn(
                '-mb-px inline-flex items-center gap-1 border-b-2 px-1 pb-2 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
                t.id === tab
                  ? 'border-primary text-foreground'
                  : 'border-transparent text-muted-foreground hover:text-foreground',
              )}
            >
              {t.label}
              {erring.has(t.id) && (
                <span className="text-destructive">
                  <span aria-hidden>•</span>
                  <span className="sr-only">(has errors)</span>
                </span>
              )}
            </button>
          ))}
        </div>
        {EDITOR_TABS.map((t) => (
          <div
            key={t.id}
            role="tabpanel"
            id={`panel-${t.id}`}
            aria-labelledby={`tab-${t.id}`}
            hidden={t.id !== tab}
            className="min-w-0"
          >
            {t.id === tab && t.id === 'general' && <GeneralFields categories={props.categories} owner={props.owner} />}
            {t.id === tab && t.id === 'steps' && <StepsEditor />}
            {t.id === tab && t.id === 'schedules' && (
              <SchedulesEditor now={new Date(props.now)} masterTimeZone={props.masterTimeZone} zones={props.zones} />
            )}
            {t.id === tab && t.id === 'targets' && <TargetsPicker />}
            {t.id === tab && t.id === 'notifications' && <NotificationFields operator={props.operator} />}
          </div>
        ))}
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t bg-background py-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : props.existingName ? 'Save job' : 'Create job'}
          </Button>
          <Button asChild variant="outline">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
          {isDirty && <span className="text-sm text-muted-foreground">Unsaved changes</span>}
          <OutcomeMessage outcome={outcome} />
        </div>
      </form>
      <AlertDialog open={asking !== null} onOpenChange={(open) => !open && setAsking(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {props.existingName ? 'Save' : 'Create'} {asking?.definition.name}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              {props.existingName
                ? 'Saving keeps a new version and posts it to the job’s target servers.'
                : 'Creating the job posts it (INSERT) to its target servers.'}
            </AlertDialogDescription>
          </AlertDialogHeader>
          {asking?.error ? (
            <p role="alert" className="text-sm text-destructive">
              {asking.error}
            </p>
          ) : asking?.plan ? (
            <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="What will be posted">
              {describeSavePlan(asking.plan).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">Counting the target servers…</p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction disabled={!asking?.plan} onClick={confirm}>
              {props.existingName ? 'Save job' : 'Create job'}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <AlertDialog open={leaving !== null} onOpenChange={(open) => !open && stay()}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Leave without saving?</AlertDialogTitle>
            <AlertDialogDescription>
              Your changes to {props.existingName ?? 'the new job'} are not saved and will be lost.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Stay</AlertDialogCancel>
            <AlertDialogAction
              onClick={() => {
                const to = leaving
                form.reset(form.getValues())
                stay()
                if (to) router.push(to)
              }}
            >
              Leave
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </FormProvider>
  )
}
