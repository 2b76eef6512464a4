'use client'

import { type LucideIcon, SearchIcon, XIcon } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { Input } from '@/components/ui/input'
import { cn } from '@/lib/utils'

interface SearchInputProps {
  /** the value in the URL */
  value: string
  onChange: (value: string) => void
  label: string
  placeholder?: string
  delayMs?: number
  className?: string
  icon?: LucideIcon
}

/** A search box that reports what was typed once typing pauses. */
export function SearchInput({
  value,
  onChange,
  label,
  placeholder,
  delayMs = 300,
  className,
  icon: Icon = SearchIcon,
}: SearchInputProps) {
  const [text, setText] = useState(value)
  const sent = useRef(value)
  const input = useRef<HTMLInputElement>(null)

  // what was typed before the page became interactive counts too
  useEffect(() => {
    if (input.current && input.current.value !== sent.current) setText(input.current.value)
  }, [])

  // the URL changed by other means (cleared filters, back button): show it
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value
      setText(value)
    }
  }, [value])

  useEffect(() => {
    if (text.trim() === sent.current.trim()) return
    const timer = setTimeout(() => {
      sent.current = text.trim()
      onChange(text.trim())
    }, delayMs)
    return () => clearTimeout(timer)
  }, [text, delayMs, onChange])

  return (
    <div className={cn('relative', className)}>
      <Icon
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden
      />
      <Input
        ref={input}
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault()
            setText('')
          }
        }}
        className="pr-8 pl-8"
      />
      {text && (
        <button
          type="button"
          aria-label={`Clear ${label.toLowerCase()}`}
          onClick={() => setText('')}
          className="absolute top-1/2 right-1.5 flex size-6 -translate-y-1/2 items-center justify-center rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <XIcon className="size-3.5" aria-hidden />
        </button>
      )}
    </div>
  )
}
