'use client'

// A step's command in CodeMirror 6: shell highlighting for CmdExec steps, SQL for SQL steps, the theme following
// the dashboard's light or dark mode. The text is the form's value.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { sql } from '@codemirror/lang-sql'
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language'
import { shell } from '@codemirror/legacy-modes/mode/shell'
import { Compartment, EditorState } from '@codemirror/state'
import { oneDarkHighlightStyle } from '@codemirror/theme-one-dark'
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view'
import { useTheme } from 'next-themes'
import { useEffect, useRef, useState } from 'react'

const surface = EditorView.theme({
  '&': {
    fontSize: '0.8125rem',
    border: '1px solid var(--input)',
    borderRadius: 'calc(var(--radius) - 2px)',
    backgroundColor: 'var(--background)',
    color: 'var(--foreground)',
  },
  '&.cm-focused': { outline: '3px solid color-mix(in oklab, var(--ring) 50%, transparent)' },
  '.cm-content': { fontFamily: 'var(--font-geist-mono), ui-monospace, monospace', minHeight: '6rem' },
  '.cm-gutters': { backgroundColor: 'var(--muted)', color: 'var(--muted-foreground)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in oklab, var(--muted) 60%, transparent)' },
  '.cm-scroller': { maxHeight: '24rem', overflow: 'auto' },
})

export function CodeEditor({
  value,
  onChange,
  language,
  label,
  describedBy,
  invalid,
}: {
  value: string
  onChange: (value: string) => void
  language: 'shell' | 'sql'
  label: string
  describedBy?: string
  invalid?: boolean
}) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const change = useRef(onChange)
  change.current = onChange
  const { resolvedTheme } = useTheme()
  const dark = resolvedTheme === 'dark'
  const [parts] = useState(() => ({
    language: new Compartment(),
    look: new Compartment(),
    attributes: new Compartment(),
  }))
  const languageOf = () =>
    language === 'sql'
      ? [sql(), placeholder('SELECT …')]
      : [StreamLanguage.define(shell), placeholder('a command, e.g. /usr/local/bin/backup.sh --full')]
  const lookOf = () => [
    syntaxHighlighting(dark ? oneDarkHighlightStyle : defaultHighlightStyle),
    EditorView.theme({}, { dark }),
  ]
  const attributesOf = () =>
    EditorView.contentAttributes.of({
      'aria-label': label,
      'aria-multiline': 'true',
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      ...(invalid ? { 'aria-invalid': 'true' } : {}),
    })

  // built once: language, theme and attributes are reconfigured in place, so typing never loses the cursor
  // biome-ignore lint/correctness/useExhaustiveDependencies: the compartments below follow the props
  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          parts.language.of(languageOf()),
          parts.look.of(lookOf()),
          parts.attributes.of(attributesOf()),
          surface,
          EditorView.updateListener.of((update) => {
            if (update.docChanged) change.current(update.state.doc.toString())
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: each compartment follows its own props
  useEffect(() => {
    view.current?.dispatch({ effects: parts.language.reconfigure(languageOf()) })
  }, [language])
  // biome-ignore lint/correctness/useExhaustiveDependencies: each compartment follows its own props
  useEffect(() => {
    view.current?.dispatch({ effects: parts.look.reconfigure(lookOf()) })
  }, [dark])
  // biome-ignore lint/correctness/useExhaustiveDependencies: each compartment follows its own props
  useEffect(() => {
    view.current?.dispatch({ effects: parts.attributes.reconfigure(attributesOf()) })
  }, [label, describedBy, invalid])

  // a value set from outside (a duplicated step, a reset) replaces the text
  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value)
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
  }, [value])

  return <div ref={host} className="min-w-0" data-testid="code-editor" data-language={language} />
}
