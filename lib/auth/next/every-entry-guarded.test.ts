// Makes it impossible to add a page, a JSON read or a server action that skips the sign-in and role checks:
// each must go through requirePage, readRoute or authedAction, or be one of the few public entries named here.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')

const PUBLIC_PAGES = new Set(['app/(auth)/sign-in/page.tsx', 'app/(auth)/setup/page.tsx'])
const PUBLIC_ROUTES = new Set(['app/api/health/route.ts'])
/** sign-in and first-run setup come before any session; sign-out ends one */
const PUBLIC_ACTIONS = new Set(['signInAction', 'setUpAction', 'signOutAction'])

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...filesUnder(rel, accept))
    else if (accept(rel)) out.push(rel)
  }
  return out
}

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')
const sourceFiles = [
  ...filesUnder('app', (f) => /\.tsx?$/.test(f)),
  ...filesUnder('components', (f) => /\.tsx?$/.test(f)),
]

describe('every entry into the dashboard checks who is asking', () => {
  it('every page calls requirePage, except sign-in and setup', () => {
    const pages = filesUnder('app', (f) => /\/page\.tsx$/.test(f))
    expect(pages.length).toBeGreaterThan(3)
    const unguarded = pages.filter((f) => !PUBLIC_PAGES.has(f) && !/await requirePage\(/.test(read(f)))
    expect(unguarded).toEqual([])
  })

  it('every JSON read is a readRoute, except the health check', () => {
    const routes = filesUnder('app', (f) => /\/route\.ts$/.test(f)).filter((f) => !PUBLIC_ROUTES.has(f))
    expect(routes.length).toBeGreaterThan(0)
    for (const file of routes) {
      const text = read(file)
      expect(text, `${file} exports a handler that is not a readRoute`).not.toMatch(
        /export (async )?function (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/,
      )
      const handlers = [...text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) = (\w+)\(/g)]
      expect(handlers.length, `${file} has no handler`).toBeGreaterThan(0)
      for (const [, , wrapper] of handlers) expect(wrapper, file).toBe('readRoute')
    }
  })

  it('every server action is an authedAction, except sign-in, setup and sign-out', () => {
    const actionFiles = sourceFiles.filter((f) => /^['"]use server['"]/m.test(read(f)))
    expect(actionFiles.length).toBeGreaterThan(0)
    for (const file of actionFiles) {
      const text = read(file)
      let checked = 0
      for (const [, name] of text.matchAll(/export async function (\w+)/g)) {
        checked++
        expect(PUBLIC_ACTIONS.has(name ?? ''), `${file}: ${name} is not an authedAction`).toBe(true)
      }
      for (const [, name, wrapper] of text.matchAll(/export const (\w+) = (\w+)\(/g)) {
        checked++
        expect(wrapper, `${file}: ${name}`).toBe('authedAction')
      }
      // an action exported in any other form would escape the two checks above
      const exported = text.match(/^export (?!type |interface )/gm)?.length ?? 0
      expect(checked, `${file} exports something neither an authedAction nor a public action`).toBe(exported)
    }
  })
})
