// (g) The Target Server Status page over HTTP, signed in, at a large fleet: a real master serving the built dashboard
// on each fleet's SQLite database, and for every filter and sort the page offers (a search, each status, a group,
// each sort column both ways, the last page) the three requests a browser makes: the page's HTML (a first visit),
// its RSC payload (a filter or sort changed: router.replace renders the server component again) and the JSON list
// read (live refresh). Timed against the same requests on a 100-target master in the same run, alternated.
import fs from 'node:fs'
import path from 'node:path'
import { SESSION_COOKIE } from '../../lib/auth/next/cookie'
import { createSession } from '../../lib/auth/sessions'
import type { Db } from '../../lib/db/client'
import { listPendingRequestRows } from '../../lib/msx/enlistment-request-list'
import { listGroups } from '../../lib/msx/groups'
import { listJobs } from '../../lib/msx/job-list'
import { TARGET_STATUSES } from '../../lib/msx/status'
import { listTargets, TARGET_SORT_COLUMNS, type TargetListQuery } from '../../lib/msx/target-list'
import { wizardSuggested } from '../../lib/msx/wizard'
import { type Summary, summarize } from '../../lib/stats/percentiles'
import { type Master, startMaster, stopAll } from '../../test/support/processes'
import { createListFleet, FLEET_GROUP, FLEET_PREFIX, type ListFleet } from './list-fleet'

export const PAGE_BASELINE_FLEET = 100
const PAGE_SIZE = 50
const root = path.resolve(import.meta.dirname, '..', '..')
const REQUESTS = {
  html: { path: '/targets', headers: {}, search: '' },
  // Next.js answers an RSC request without its cache-busting `_rsc` parameter with a redirect to one that has it
  rsc: { path: '/targets', headers: { RSC: '1' }, search: '_rsc' },
  json: { path: '/api/targets', headers: {}, search: '' },
} as const
type RequestKind = keyof typeof REQUESTS

export interface PageTiming {
  query: string
  request: RequestKind
  large: Summary
  baseline: Summary
}

/** Where the slowest request's time goes: the same loads as the page, in this process, on the same database. */
export interface PageBreakdown {
  query: string
  request: RequestKind
  totalMs: number
  listTargetsMs: number
  otherLoadsMs: number
}

export interface TargetPageResults {
  targets: number
  baselineTargets: number
  rounds: number
  seedSeconds: number
  timings: PageTiming[]
  slowest: PageBreakdown
}

function queries(targets: number): [string, Record<string, string>][] {
  const sorts = TARGET_SORT_COLUMNS.flatMap((sort) =>
    (['asc', 'desc'] as const).map((dir): [string, Record<string, string>] => [
      `sort by ${sort}, ${dir}`,
      { sort, dir },
    ]),
  )
  return [
    ['first page (by name)', {}],
    [`search "${FLEET_PREFIX}-1"`, { search: `${FLEET_PREFIX}-1` }],
    ...TARGET_STATUSES.map((status): [string, Record<string, string>] => [`status ${status}`, { status }]),
    [`group ${FLEET_GROUP}`, { group: FLEET_GROUP }],
    ...sorts,
    ['last page', { page: String(Math.ceil(targets / PAGE_SIZE)) }],
  ]
}

interface Served {
  fleet: ListFleet
  master: Master
  cookie: string
}

async function serve(fleet: ListFleet): Promise<Served> {
  // the master migrates at start-up and locks the file meanwhile
  await fleet.db.$disconnect()
  const master = await startMaster({ DATABASE_URL: fleet.url, MSX_ROLES: 'dashboard,gateway' })
  const admin = await master.db.user.findFirstOrThrow({ where: { name: 'admin' } })
  const session = await createSession(master.db, admin.id, { kind: 'browser', address: '127.0.0.1' })
  return { fleet, master, cookie: `${SESSION_COOKIE}=${session.secret}` }
}

async function get(served: Served, kind: RequestKind, params: Record<string, string>) {
  const request = REQUESTS[kind]
  const qs = [new URLSearchParams(params).toString(), request.search].filter(Boolean).join('&')
  const started = performance.now()
  const response = await fetch(`${served.master.apiUrl}${request.path}${qs ? `?${qs}` : ''}`, {
    headers: { cookie: served.cookie, ...request.headers },
    redirect: 'manual',
  })
  await response.arrayBuffer()
  const ms = performance.now() - started
  if (response.status !== 200)
    throw new Error(
      `GET ${request.path}?${qs} answered ${response.status}, not 200 (location: ${response.headers.get('location')})`,
    )
  return ms
}

async function breakdown(served: Served, timing: PageTiming, params: Record<string, string>, rounds: number) {
  const db: Db = served.master.db
  const query = params as TargetListQuery
  const list: number[] = []
  const others: number[] = []
  for (let round = 0; round < rounds; round++) {
    let started = performance.now()
    await listTargets(db, query)
    list.push(performance.now() - started)
    started = performance.now()
    await Promise.all([listGroups(db), listJobs(db), wizardSuggested(db), listPendingRequestRows(db)])
    others.push(performance.now() - started)
  }
  return {
    query: timing.query,
    request: timing.request,
    totalMs: timing.large.p50,
    listTargetsMs: summarize(list).p50,
    otherLoadsMs: summarize(others).p50,
  }
}

export async function benchTargetPage(
  targets: number,
  rounds: number,
  say: (line: string) => void,
): Promise<TargetPageResults> {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')))
    throw new Error('(g) needs the built dashboard: run `NEXT_TELEMETRY_DISABLED=1 npx next build` first')
  say(`(g) target page: seeding ${targets} targets and a baseline of ${PAGE_BASELINE_FLEET}`)
  const baselineFleet = await createListFleet(PAGE_BASELINE_FLEET)
  const seedStarted = performance.now()
  const largeFleet = await createListFleet(targets)
  const seedSeconds = (performance.now() - seedStarted) / 1000
  const served: Served[] = []
  try {
    say('(g) target page: starting a master with the built dashboard on each database')
    served.push(await serve(baselineFleet), await serve(largeFleet))
    const [small, large] = served as [Served, Served]
    const smallQueries = queries(PAGE_BASELINE_FLEET)
    const bigQueries = queries(targets)
    const kinds = Object.keys(REQUESTS) as RequestKind[]
    // one pass first: the first render of a route and the first use of each statement are not the steady state
    for (const [i, [, params]] of bigQueries.entries())
      for (const kind of kinds) {
        await get(small, kind, smallQueries[i]?.[1] ?? params)
        await get(large, kind, params)
      }
    say(`(g) target page: ${rounds} rounds of ${bigQueries.length} queries x ${kinds.length} requests`)
    const timings: PageTiming[] = []
    for (const [i, [label, params]] of bigQueries.entries())
      for (const kind of kinds) {
        const [smallRuns, bigRuns] = [[] as number[], [] as number[]]
        // alternated, so whatever else runs on the cores weighs on both alike
        for (let round = 0; round < rounds; round++) {
          smallRuns.push(await get(small, kind, smallQueries[i]?.[1] ?? params))
          bigRuns.push(await get(large, kind, params))
        }
        timings.push({ query: label, request: kind, large: summarize(bigRuns), baseline: summarize(smallRuns) })
      }
    const worst = timings.reduce((a, b) => (b.large.p50 > a.large.p50 ? b : a))
    const worstParams = bigQueries.find(([label]) => label === worst.query)?.[1] ?? {}
    const slowest = await breakdown(large, worst, worstParams, rounds)
    return { targets, baselineTargets: PAGE_BASELINE_FLEET, rounds, seedSeconds, timings, slowest }
  } finally {
    for (const s of served) {
      await s.master.stop()
      await s.master.db.$disconnect()
    }
    // the masters' data folders; (g) runs before the benchmark starts any other process
    await stopAll()
    await baselineFleet.close()
    await largeFleet.close()
  }
}
