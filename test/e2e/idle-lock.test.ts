/**
 * Settings and the idle lock. The lock time is chosen on the settings screen (at least a minute),
 * saved in the profile's personal doc, and honoured: input keeps Hearth open, and a minute with
 * none locks it in core. The page runs on Playwright's fake clock, so a minute passes in an
 * instant instead of the test sleeping through it.
 */
import { describe, expect, it } from 'vitest'
import { openPage } from './support/browser.ts'
import { callFromPage, expectNoPageErrors, heading, onboard, PASSPHRASE, profileStatus } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

describe('settings and the idle lock', () => {
  it('saves a one-minute lock, stays open while used, locks in core after a minute without input, and keeps the choice', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { clock: true })
    await onboard(page)

    await page.getByRole('button', { name: 'Settings' }).click()
    await heading(page, 'Settings')
    const minutes = page.getByLabel('Lock Hearth after this many minutes without use')
    expect(await minutes.inputValue()).toBe('5')
    expect(await page.getByRole('radio', { name: /^Something new/ }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: /^Group name only/ }).isChecked()).toBe(false)
    await page.getByText('Ctrl', { exact: true }).first().waitFor()

    await minutes.fill('0')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('Choose a whole number of minutes from 1 to 240.').waitFor()
    await minutes.fill('1')
    await page.getByRole('radio', { name: /^Off/ }).check()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    const stored = await callFromPage(page, 'readPersonal', { name: 'settings' })
    expect(stored.ok && JSON.parse(stored.value.text ?? '{}')).toEqual({ lockAfterMinutes: 1, notifications: 'off' })

    await page.getByRole('button', { name: 'Back to your groups' }).click()
    await heading(page, 'Your groups')
    // Forty seconds, some input, forty more: never a minute without input, so still open.
    await page.clock.fastForward(40_000)
    await page.mouse.move(200, 200)
    await page.clock.fastForward(40_000)
    expect((await profileStatus(page)).unlocked).toBe(true)
    expect(await page.getByRole('heading', { level: 1, name: 'Your groups' }).count()).toBe(1)

    await page.clock.fastForward(61_000)
    await heading(page, 'Unlock Hearth')
    await page.getByText('Hearth locked itself because it was not used for a while.').waitFor()
    expect((await profileStatus(page)).unlocked).toBe(false)

    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await heading(page, 'Your groups')
    await page.getByRole('button', { name: 'Settings' }).click()
    expect(await page.getByLabel('Lock Hearth after this many minutes without use').inputValue()).toBe('1')
    expect(await page.getByRole('radio', { name: /^Off/ }).isChecked()).toBe(true)

    expectNoPageErrors(errors)
    await context.close()
  })
})
