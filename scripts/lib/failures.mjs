// The failed tests of a Vitest or Playwright JSON report, a few lines each. npm test prints them last, so the end
// of its output (all that a CI log may keep) says which tests failed and why, not only which step.
import fs from 'node:fs'
import path from 'node:path'
import { root } from './run.mjs'

const LINES_PER_FAILURE = 12
// stack frames of the runners and of Node itself, which say nothing of the failure
const NOISE = /^\s+at .*(node_modules|node:internal|<anonymous>)/
const MAX_FAILURES = 10

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape that starts a terminal colour
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '')

function vitestFailures(report) {
  return report.testResults.flatMap((file) => {
    const where = path.relative(root, file.name)
    const failed = file.assertionResults.filter((test) => test.status === 'failed')
    if (failed.length === 0)
      return file.status === 'failed' ? [{ title: where, message: file.message || 'the file failed' }] : []
    return failed.map((test) => ({ title: `${where} › ${test.fullName}`, message: test.failureMessages.join('\n') }))
  })
}

function playwrightFailures(report) {
  const failures = (report.errors ?? []).map((error) => ({ title: 'the run', message: error.message ?? '' }))
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === 'unexpected') {
          const last = test.results.at(-1)
          failures.push({
            title: `[${test.projectName}] ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`,
            message: (last?.errors ?? []).map((error) => error.message ?? '').join('\n') || (last?.status ?? ''),
          })
        }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title])
  }
  for (const file of report.suites ?? []) walk(file, [])
  return failures
}

const readers = { vitest: vitestFailures, playwright: playwrightFailures }

/** The report's failures as lines to print; nothing when the report is missing (the runner did not get far). */
export function describeFailures(kind, reportFile) {
  if (!fs.existsSync(reportFile)) return ''
  let failures
  try {
    failures = readers[kind](JSON.parse(fs.readFileSync(reportFile, 'utf8')))
  } catch (error) {
    return `  (the ${kind} report ${reportFile} could not be read: ${error.message})`
  }
  const shown = failures.slice(0, MAX_FAILURES).map(({ title, message }) => {
    const lines = plain(message)
      .split('\n')
      .filter((line) => line.trim() !== '' && !NOISE.test(line))
      .slice(0, LINES_PER_FAILURE)
    return [`  ✘ ${title}`, ...lines.map((line) => `      ${line}`)].join('\n')
  })
  const more = failures.length - shown.length
  return [...shown, ...(more > 0 ? [`  … and ${more} more (above)`] : [])].join('\n')
}
