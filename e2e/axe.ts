// axe-core on the page as it is now, with the WCAG 2.1 A and AA rules; the serious and critical violations,
// each with its rule, help text and the elements it found, in words a failing test can print.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`)
      return `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}\n${where.join('\n')}`
    })
}
