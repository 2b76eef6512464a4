'use client'

import { type ReactNode, useEffect, useRef, useState } from 'react'

/**
 * The box a table scrolls sideways in. While the table is wider than it, the box takes focus (named after the
 * table), so the hidden columns can be scrolled to with the keyboard even when no cell holds a control
 * (WCAG 2.1.1); a table that fits adds no stop to the tab order.
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string
  labelledBy?: string
  children: ReactNode
}) {
  const box = useRef<HTMLDivElement>(null)
  const [scrolls, setScrolls] = useState(false)
  useEffect(() => {
    const element = box.current
    if (!element) return
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth)
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    if (element.firstElementChild) observer.observe(element.firstElementChild)
    measure()
    return () => observer.disconnect()
  }, [])
  return (
    <div
      ref={box}
      data-slot="table-container"
      className="relative w-full overflow-x-auto outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      {...(scrolls && { role: 'region', tabIndex: 0, 'aria-label': label, 'aria-labelledby': labelledBy })}
    >
      {children}
    </div>
  )
}
