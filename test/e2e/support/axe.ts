/**
 * axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules. A violation fails with each rule, its
 * help text and the elements it found, so the report says what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * The scan runs in the page itself (`setLegacyMode`). By default @axe-core/playwright finishes
 * each scan in a blank page it opens in the same browser context and then closes; while that
 * page was open, Chromium now and then moved the tested page's focus to its first control (Quick
 * exit), so a keyboard test's next Enter pressed Quick exit (seen in support-features' keyboard
 * test, about 1 run in 8 at load). Hearth's pages have no cross-origin frames, the one thing the
 * blank page is for. (A check that the focus is unchanged after a scan was tried and dropped:
 * the app itself may move focus while a scan runs, when an action it started completes.)
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(TAGS).analyze()
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
