'use client'

// One step's fields, as SSMS's New Job Step dialog: General (name, type, connection or proxy, command) and
// Advanced (on success, on failure, retries, timeout).
import { Controller, useFormContext, useWatch } from 'react-hook-form'
import { Input } from '@/components/ui/input'
import { flowProblem } from '@/lib/msx/job-flow'
import { CodeEditor } from './code-editor'
import type { JobForm } from './editor-types'
import { EditorField, NativeSelect, optionalNumber, optionalText } from './form-parts'

const KINDS = [
  { value: 'cmdexec', label: 'Operating system (CmdExec)' },
  { value: 'sql', label: 'Transact-SQL script (T-SQL)' },
] as const

function ActionSelect({ index, which, label }: { index: number; which: 'onSuccess' | 'onFailure'; label: string }) {
  const { register, control, formState } = useFormContext<JobForm>()
  const steps = useWatch({ control, name: 'steps' })
  const value = useWatch({ control, name: `steps.${index}.${which}` }) ?? 'next'
  const number = index + 1
  const problem = flowProblem(value, number, steps.length)
  const error = problem ?? formState.errors.steps?.[index]?.[which]?.message
  return (
    <EditorField label={label} error={error}>
      {({ id, describedBy, invalid }) => (
        <NativeSelect
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...register(`steps.${index}.${which}`)}
        >
          {problem && <option value={value}>Choose where it goes</option>}
          <option value="next">Go to the next step</option>
          <option value="quit-success">Quit the job reporting success</option>
          <option value="quit-failure">Quit the job reporting failure</option>
          {steps.map((s, i) =>
            i === index ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: a step is its number here
              <option key={i} value={`goto:${i + 1}`}>
                Go to step {i + 1}: {s.name || '(unnamed)'}
              </option>
            ),
          )}
        </NativeSelect>
      )}
    </EditorField>
  )
}

export function StepFields({ index }: { index: number }) {
  const { register, control, formState } = useFormContext<JobForm>()
  const kind = useWatch({ control, name: `steps.${index}.kind` })
  const errors = formState.errors.steps?.[index]
  const path = `steps.${index}` as const
  return (
    <fieldset className="grid gap-4" aria-label={`Step ${index + 1}`}>
      <div className="grid gap-4 sm:grid-cols-2">
        <EditorField label="Step name" error={errors?.name?.message}>
          {({ id, describedBy, invalid }) => (
            <Input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...register(`${path}.name`)}
            />
          )}
        </EditorField>
        <EditorField label="Type" error={errors?.kind?.message}>
          {({ id, describedBy }) => (
            <NativeSelect id={id} aria-describedby={describedBy} {...register(`${path}.kind`)}>
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </EditorField>
        {kind === 'sql' ? (
          <EditorField
            label="Connection"
            error={errors?.connection?.message}
            hint="The connection's name on the target (msx-agent connection add NAME …)."
          >
            {({ id, describedBy, invalid }) => (
              <Input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                {...register(`${path}.connection`, { setValueAs: optionalText })}
              />
            )}
          </EditorField>
        ) : (
          <EditorField
            label="Run as (proxy)"
            error={errors?.proxy?.message}
            hint="Empty: the agent's own account. A proxy must exist on each target (msx-agent proxy add)."
          >
            {({ id, describedBy, invalid }) => (
              <Input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                {...register(`${path}.proxy`, { setValueAs: optionalText })}
              />
            )}
          </EditorField>
        )}
      </div>
      <EditorField
        label="Command"
        error={errors?.command?.message}
        hint={kind === 'sql' ? 'SQL run on the connection above.' : 'Run by the shell on each target.'}
      >
        {({ describedBy, invalid }) => (
          <Controller
            control={control}
            name={`${path}.command`}
            render={({ field }) => (
              <CodeEditor
                value={field.value ?? ''}
                onChange={field.onChange}
                language={kind === 'sql' ? 'sql' : 'shell'}
                label={`Command of step ${index + 1}`}
                describedBy={describedBy}
                invalid={invalid}
              />
            )}
          />
        )}
      </EditorField>
      <div className="grid gap-4 sm:grid-cols-2">
        <ActionSelect index={index} which="onSuccess" label="On success action" />
        <ActionSelect index={index} which="onFailure" label="On failure action" />
        <EditorField label="Retry attempts" error={errors?.retryAttempts?.message}>
          {({ id, describedBy, invalid }) => (
            <Input
              id={id}
              type="number"
              min={0}
              max={100}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...register(`${path}.retryAttempts`, { setValueAs: (v) => optionalNumber(v) ?? 0 })}
            />
          )}
        </EditorField>
        <EditorField label="Retry interval (seconds)" error={errors?.retryIntervalSeconds?.message}>
          {({ id, describedBy, invalid }) => (
            <Input
              id={id}
              type="number"
              min={0}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...register(`${path}.retryIntervalSeconds`, { setValueAs: (v) => optionalNumber(v) ?? 0 })}
            />
          )}
        </EditorField>
        <EditorField
          label="Timeout (seconds)"
          error={errors?.timeoutSeconds?.message}
          hint="Empty: no timeout. A step that runs longer is stopped and fails."
        >
          {({ id, describedBy, invalid }) => (
            <Input
              id={id}
              type="number"
              min={1}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...register(`${path}.timeoutSeconds`, { setValueAs: optionalNumber })}
            />
          )}
        </EditorField>
      </div>
    </fieldset>
  )
}
