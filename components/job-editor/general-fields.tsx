'use client'

import { useFormContext } from 'react-hook-form'
import { Input } from '@/components/ui/input'
import { DEFAULT_JOB_CATEGORY } from '@/lib/msx/job-definition'
import type { JobForm } from './editor-types'
import { EditorField, optionalText, TextArea } from './form-parts'

/** General: SSMS's name, description, category (a multiserver one, or a new one typed in), owner and enabled. */
export function GeneralFields({ categories, owner }: { categories: string[]; owner: string }) {
  const { register, formState } = useFormContext<JobForm>()
  const errors = formState.errors
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <EditorField label="Name" error={errors.name?.message} hint="Unique among multiserver jobs, whatever the case.">
        {({ id, describedBy, invalid }) => (
          <Input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...register('name')} />
        )}
      </EditorField>
      <EditorField
        label="Category"
        error={errors.category?.message}
        hint="A multiserver category from the list, or a new one typed in."
      >
        {({ id, describedBy, invalid }) => (
          <>
            <Input
              id={id}
              list={`${id}-categories`}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              placeholder={DEFAULT_JOB_CATEGORY}
              {...register('category', { setValueAs: (v) => optionalText(v) ?? DEFAULT_JOB_CATEGORY })}
            />
            <datalist id={`${id}-categories`}>
              {[DEFAULT_JOB_CATEGORY, ...categories.filter((c) => c !== DEFAULT_JOB_CATEGORY)].map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </>
        )}
      </EditorField>
      <EditorField label="Description" error={errors.description?.message} className="sm:col-span-2">
        {({ id, describedBy, invalid }) => (
          <TextArea
            id={id}
            rows={3}
            maxLength={512}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            {...register('description')}
          />
        )}
      </EditorField>
      <div className="grid gap-1.5">
        <span className="text-sm font-medium">Owner</span>
        <p className="text-sm">{owner}</p>
        <p className="text-xs text-muted-foreground">Who created the job.</p>
      </div>
      <label className="flex items-start gap-2 text-sm sm:mt-6">
        <input type="checkbox" className="mt-0.5 size-4" {...register('enabled')} />
        <span>
          <span className="font-medium">Enabled</span>
          <span className="block text-xs text-muted-foreground">
            A disabled job's schedules fire on no target; it can still be started.
          </span>
        </span>
      </label>
    </div>
  )
}
