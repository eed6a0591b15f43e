/**
 * The calmer group screen, the cover after quick exit, and changing the passphrase in Settings,
 * in Chromium through the web host. At 800×600 the conversation is on the first screen; the
 * keyboard meets quick exit first, then a skip link to the conversation; the "More" menu opens,
 * moves and closes from the keyboard; every new screen is axe-clean in light and dark.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scanBoth } from './support/axe.ts'
import { openPage } from './support/browser.ts'
import { createGroup, expectNoPageErrors, heading, onboard, PASSPHRASE, postWith, profileStatus, writePost } from './support/flows.ts'
import { focused, tabTo } from './support/keyboard.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

/** Shift+Tab `n` times from where focus is, collecting what it lands on. */
async function backwards(page: Page, n: number): Promise<string[]> {
  const seen: string[] = []
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Shift+Tab')
    seen.push((await focused(page)).name)
  }
  return seen
}

describe('a calmer group screen', () => {
  it('shows the conversation on the first screen at 800×600, with five sections and one menu', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    await page.setViewportSize({ width: 800, height: 600 })
    await onboard(page)
    await createGroup(page, 'Small window', 'Wren')
    // The form is folded: the conversation comes first.
    expect(await page.getByLabel('Your post').count()).toBe(0)
    await writePost(page, 'First words in a small window.')
    expect(await page.getByLabel('Your post').count()).toBe(0)

    const nav = page.getByRole('navigation', { name: 'Group sections' })
    expect(await nav.getByRole('button').allTextContents()).toEqual(['Conversations', 'Members', 'Meetings', 'Resources', 'Care', 'More'])
    const box = await postWith(page, 'First words in a small window.').boundingBox()
    expect(box, 'the post is laid out').not.toBeNull()
    expect(box!.y).toBeLessThan(600 - 40)
    await scanBoth(page, 'group space at 800×600')

    // The menu holds the rest, the facilitators' review among them.
    await nav.getByRole('button', { name: 'More' }).click()
    expect(await nav.getByRole('button', { name: 'More' }).getAttribute('aria-expanded')).toBe('true')
    expect((await page.locator('#space-more-list button').allTextContents()).map((t) => t.trim()))
      .toEqual(['Write to the facilitators', 'Ground rules', 'Decisions', 'Who holds the space', 'Invites', 'Save a copy', 'Review'])
    await scanBoth(page, 'group space, menu open')
    await nav.getByRole('button', { name: 'Invites' }).click()
    await page.getByRole('heading', { name: 'Invites', level: 2 }).waitFor()
    expect(await nav.getByRole('button', { name: 'More' }).getAttribute('aria-current')).toBe('page')
    expectNoPageErrors(errors)
    await context.close()
  })

  it('reaches quick exit first and the skip link next, and works the menu from the keyboard alone', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    const kb = page.keyboard
    await onboard(page)
    await createGroup(page, 'Keys only', 'Alder')
    // Focus is on the group's heading; everything before it, nearest first.
    expect(await backwards(page, 4)).toEqual(['Lock Hearth', 'Back to your groups', 'Skip to the conversation', 'Quick exit'])
    expect(await backwards(page, 1)).not.toEqual(['Quick exit'])

    await page.getByRole('heading', { level: 1, name: 'Keys only' }).focus()
    await backwards(page, 3)
    expect((await focused(page)).name).toBe('Skip to the conversation')
    expect((await focused(page)).ring).toBe(true)
    await kb.press('Enter')
    await expect.poll(async () => (await focused(page)).name, { timeout: 5000 }).toBe('Conversations')
    await tabTo(page, 'Write a post')

    // The menu: open it, land on its first item, close with Escape back on the button.
    await tabTo(page, 'Care')
    await tabTo(page, 'More')
    await kb.press('Enter')
    await expect.poll(async () => (await focused(page)).name, { timeout: 5000 }).toBe('Write to the facilitators')
    await kb.press('Escape')
    await expect.poll(async () => (await focused(page)).name, { timeout: 5000 }).toBe('More')
    expect(await page.locator('#space-more-list').count()).toBe(0)
    await kb.press('Enter')
    await tabTo(page, 'Decisions')
    await kb.press('Enter')
    await page.getByRole('heading', { name: 'Decisions', level: 2 }).waitFor()
    expect((await profileStatus(page)).unlocked).toBe(true)
    expectNoPageErrors(errors)
    await context.close()
  })
})

describe('quick exit leaves a cover', () => {
  it('stays on the cover when the tab is shown again, passes axe, and returns only on "Return"', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    await onboard(page)
    await createGroup(page, 'Covered group', 'Moss')
    await page.getByRole('button', { name: 'Quick exit' }).click()
    await heading(page, 'Notes')
    expect(await page.title()).toBe('Notes')
    expect(await page.locator('body').innerText()).not.toMatch(/hearth|covered group/i)
    await expect.poll(async () => (await profileStatus(page)).unlocked, { timeout: 5000 }).toBe(false)

    // A window or tab shown again does not bring Hearth back by itself.
    await page.evaluate(() => (globalThis as unknown as { document: { dispatchEvent(e: unknown): void } }).document.dispatchEvent(new Event('visibilitychange')))
    await page.getByRole('button', { name: 'Return' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Unlock Hearth' }).count()).toBe(0)
    await scanBoth(page, 'cover')

    await page.getByRole('button', { name: 'Return' }).click()
    await heading(page, 'Unlock Hearth')
    expect(await page.title()).toBe('Hearth')
    expectNoPageErrors(errors)
    await context.close()
  })
})

describe('changing the passphrase', () => {
  it('refuses a wrong current one, changes it while staying unlocked, and the old one no longer opens Hearth', async () => {
    const NEW = 'harbour willow seven kettles'
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    await onboard(page)
    await page.getByRole('button', { name: 'Settings' }).click()
    await heading(page, 'Settings')
    await scanBoth(page, 'settings with the passphrase form')

    await page.getByLabel('Current passphrase').fill('not my passphrase at all')
    await page.getByLabel('New passphrase').fill(NEW)
    await page.getByLabel('Type the new one again').fill(NEW)
    await page.getByRole('button', { name: 'Change passphrase' }).click()
    await page.getByRole('alert').filter({ hasText: 'That is not your current passphrase' }).waitFor()

    // The same rule as at creation: too short is refused before it is sent.
    await page.getByLabel('Current passphrase').fill(PASSPHRASE)
    await page.getByLabel('New passphrase').fill('short')
    await page.getByLabel('Type the new one again').fill('short')
    await page.getByRole('button', { name: 'Change passphrase' }).click()
    await page.getByRole('alert').filter({ hasText: 'Use at least 8 characters' }).waitFor()

    await page.getByLabel('New passphrase').fill(NEW)
    await page.getByLabel('Type the new one again').fill(NEW)
    await page.getByRole('button', { name: 'Change passphrase' }).click()
    await page.getByRole('status').filter({ hasText: 'Your passphrase is changed.' }).waitFor()
    expect((await profileStatus(page)).unlocked).toBe(true)
    expect(await page.getByLabel('Current passphrase').inputValue()).toBe('')
    await scanBoth(page, 'settings after the change')

    await page.getByRole('button', { name: 'Back to your groups' }).click()
    await page.getByRole('button', { name: 'Lock Hearth' }).click()
    await heading(page, 'Unlock Hearth')
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('alert').filter({ hasText: 'That passphrase did not open your profile' }).waitFor()
    expect((await profileStatus(page)).unlocked).toBe(false)
    await page.getByLabel('Passphrase', { exact: true }).fill(NEW)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await heading(page, 'Your groups')
    expectNoPageErrors(errors)
    await context.close()
  })
})
