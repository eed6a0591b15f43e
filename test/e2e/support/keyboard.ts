/**
 * Moving through the page with Tab alone, as a keyboard user does, checking that every control
 * reached draws a visible focus ring.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

export interface Focused {
  name: string
  tag: string
  ring: boolean
}

/** What has focus: a control's label (or its own words), and whether a focus ring is drawn. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    type El = { tagName: string; textContent: string | null; labels?: { textContent: string | null }[] | null; getAttribute(n: string): string | null }
    const g = globalThis as unknown as { document: { activeElement: El | null }; getComputedStyle(e: El): { outlineStyle: string; outlineWidth: string } }
    const el = g.document.activeElement
    if (!el) return { name: '', tag: '', ring: false }
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? ''
    const style = g.getComputedStyle(el)
    return { name: label.replace(/\s+/g, ' ').trim(), tag: el.tagName, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 }
  })
}

/** Presses Tab until the focused control's name starts with `name`; fails after `max` presses. */
export async function tabTo(page: Page, name: string, max = 30): Promise<void> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    seen.push(f.name)
    if (f.name.startsWith(name)) {
      expect(f.ring, `focus ring on "${f.name}"`).toBe(true)
      return
    }
  }
  throw new Error(`Tab never reached "${name}"; went through: ${seen.join(' | ')}`)
}
