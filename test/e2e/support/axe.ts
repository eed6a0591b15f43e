/**
 * axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules. A violation fails with each rule, its
 * help text and the elements it found, so the report says what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`)
  expect(found, `${screen}:\n${found.join('\n')}`).toEqual([])
  // A scan that checked nothing would pass too; make sure it looked at this screen.
  expect(results.passes.length, screen).toBeGreaterThan(5)
}

/** The same scan in the light and then the dark scheme; leaves the page in light. */
export async function scanBoth(page: Page, screen: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `${screen} (${scheme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
