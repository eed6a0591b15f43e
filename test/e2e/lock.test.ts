/**
 * Locking: by hand (then unlocking, with a wrong passphrase first), and by quick exit, from the
 * button and from Escape pressed three times. Quick exit must cover the page before the next
 * frame is painted and leave the profile locked in core, not just hidden.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage } from './support/browser.ts'
import { createGroup, expectNoPageErrors, heading, onboard, PASSPHRASE, postWith, profileStatus, writePost } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

const SECRET = 'Only the group should ever read this line.'

async function groupWithPost(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const host = await e2e.host()
  const { context, page, errors } = await openPage(e2e.browser(), host.url)
  await onboard(page)
  await createGroup(page, 'Morning group', 'Ash')
  await writePost(page, SECRET)
  await postWith(page, SECRET).waitFor()
  return { page, errors, close: () => context.close() }
}

/** Whether the page shows any of the group's words, read in the same task as `act`, after one animation frame. */
function shownAfterOneFrame(page: Page, act: 'button' | 'escape'): Promise<{ beforeFrame: boolean; text: string }> {
  return page.evaluate(
    ([how, secret]) => {
      const g = globalThis as unknown as {
        document: { body: { innerText: string }; querySelector(s: string): { click(): void } | null; dispatchEvent(e: unknown): void }
        KeyboardEvent: new (type: string, init: object) => unknown
        requestAnimationFrame(fn: () => void): void
      }
      if (how === 'button') g.document.querySelector('.quick-exit button')?.click()
      else for (let i = 0; i < 3; i++) g.document.dispatchEvent(new g.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
      return new Promise((resolve) =>
        g.requestAnimationFrame(() => resolve({ beforeFrame: g.document.body.innerText.includes(secret as string), text: g.document.body.innerText })),
      )
    },
    [act, SECRET] as const,
  ) as Promise<{ beforeFrame: boolean; text: string }>
}

describe('lock and unlock', () => {
  it('locks by hand, refuses a wrong passphrase in plain words, and unlocks to the same group', async () => {
    const { page, errors, close } = await groupWithPost()
    await page.getByRole('button', { name: 'Lock Hearth' }).click()
    await heading(page, 'Unlock Hearth')
    expect(await page.getByText(SECRET).count()).toBe(0)
    expect((await profileStatus(page)).unlocked).toBe(false)

    await page.getByLabel('Passphrase', { exact: true }).fill('not the right words')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('alert').filter({ hasText: 'That passphrase did not open your profile' }).waitFor()
    expect((await profileStatus(page)).unlocked).toBe(false)

    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await heading(page, 'Your groups')
    expect((await profileStatus(page)).unlocked).toBe(true)
    await page.getByRole('button', { name: /^Morning group/ }).click()
    await postWith(page, SECRET).waitFor()
    expectNoPageErrors(errors)
    await close()
  })
})

describe('quick exit', () => {
  for (const how of ['button', 'escape'] as const) {
    it(`${how === 'button' ? 'the button' : 'Escape three times'} covers the page before the next frame and locks the profile`, async () => {
      const { page, errors, close } = await groupWithPost()
      const seen = await shownAfterOneFrame(page, how)
      expect(seen.beforeFrame).toBe(false)
      // The cover: a plain notes page that does not say Hearth, in its words or its title.
      expect(seen.text).not.toMatch(/hearth/i)
      expect(seen.text).toContain('No notes yet.')
      expect(await page.title()).toBe('Notes')
      expect(await page.getByRole('button', { name: 'Quick exit' }).count()).toBe(0)
      await expect.poll(async () => (await profileStatus(page)).unlocked, { timeout: 5000 }).toBe(false)

      // Coming back takes a deliberate "Return"; then it asks for the passphrase, and nothing of the group is in the page.
      await page.getByRole('button', { name: 'Return' }).click()
      await heading(page, 'Unlock Hearth')
      expect(await page.title()).toBe('Hearth')
      expect(await page.getByText(SECRET).count()).toBe(0)
      expectNoPageErrors(errors)
      await close()
    })
  }

  it('Escape twice, then once more after the 2-second window, does nothing; three in a row does', async () => {
    const { page, close } = await groupWithPost()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.waitForTimeout(2100)
    await page.keyboard.press('Escape')
    expect(await page.getByText(SECRET).count()).toBe(1)
    expect((await profileStatus(page)).unlocked).toBe(true)
    // Real key presses, not synthetic events: three in a row do exit.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape')
    await expect.poll(() => page.getByText(SECRET).count(), { timeout: 2000 }).toBe(0)
    await expect.poll(async () => (await profileStatus(page)).unlocked, { timeout: 5000 }).toBe(false)
    await close()
  })
})
