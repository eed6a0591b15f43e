/**
 * The main path a person takes, in real Chromium against a real node: onboarding, a new group,
 * posts with and without a content warning, opening a warning, replying, reacting, editing and
 * deleting one's own words.
 */
import { describe, expect, it } from 'vitest'
import { openPage } from './support/browser.ts'
import { createGroup, expectNoPageErrors, focusedText, onboard, openCompose, postWith, writePost } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

describe('a group, from the first run to editing and deleting', () => {
  it('creates a group, posts, keeps a warned post closed until asked, replies, reacts, edits and deletes', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)

    await onboard(page)
    await createGroup(page, 'Thursday evening circle', 'Wren')
    await expect(page.title()).resolves.toBe('Hearth')

    await writePost(page, 'Glad to be here this week.', { topic: 'Check-in' })
    await writePost(page, 'He followed me to work on Monday.', { cw: 'describes being followed', topic: 'Story' })

    const plain = postWith(page, 'Glad to be here this week.')
    await plain.waitFor()
    expect(await plain.textContent()).toContain('Wren (you)')
    expect(await plain.textContent()).toContain('Check-in')

    // Behind the warning: only the warning shows, and the words are not in the page at all.
    const warned = postWith(page, 'describes being followed')
    const toggle = warned.getByRole('button', { name: 'Show this post' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await page.getByText('He followed me to work on Monday.').count()).toBe(0)
    await toggle.click()
    expect(await warned.getByRole('button', { name: 'Fold this post away' }).getAttribute('aria-expanded')).toBe('true')
    await warned.getByText('He followed me to work on Monday.').waitFor()
    await warned.getByRole('button', { name: 'Fold this post away' }).click()
    expect(await page.getByText('He followed me to work on Monday.').count()).toBe(0)

    // Reply to the plain post.
    await plain.getByRole('button', { name: 'Reply' }).click()
    await plain.getByLabel('Your reply').fill('Welcome, Wren.')
    await plain.getByRole('button', { name: 'Send reply' }).click()
    const reply = plain.getByRole('article', { name: 'Reply by Wren' })
    await reply.getByText('Welcome, Wren.').waitFor()

    // React, then take the reaction back: pressed state and count follow core.
    const believe = plain.getByRole('group', { name: 'Supportive reactions' }).first().getByRole('button', { name: /^I believe you/ })
    await believe.click()
    await expect.poll(() => believe.getAttribute('aria-pressed'), { timeout: 5000 }).toBe('true')
    expect((await believe.textContent())?.trim()).toBe('I believe you 1')
    await believe.click()
    await expect.poll(() => believe.getAttribute('aria-pressed'), { timeout: 5000 }).toBe('false')
    expect((await believe.textContent())?.trim()).toBe('I believe you')
    for (const label of ["You're not alone", 'Sending strength', 'Thank you for sharing']) {
      expect(await plain.getByRole('button', { name: label }).first().isVisible()).toBe(true)
    }

    // Edit the plain post.
    await plain.getByRole('button', { name: 'Edit' }).first().click()
    const box = page.getByLabel('Change your post')
    await box.fill('Glad to be here this week, and a bit tired.')
    await page.getByRole('button', { name: 'Save changes' }).click()
    const edited = postWith(page, 'Glad to be here this week, and a bit tired.')
    await edited.waitFor()
    expect(await edited.locator('.byline').first().textContent()).toContain('edited')
    // Focus returns to the button that opened the form.
    await expect.poll(() => focusedText(page), { timeout: 5000 }).toBe('Edit')

    // Delete the warned post: one confirmation, then it is gone and the other stays.
    await warned.getByRole('button', { name: 'Show this post' }).click()
    await warned.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => focusedText(page), { timeout: 5000 }).toBe('Keep it')
    await warned.getByRole('button', { name: 'Delete post' }).click()
    await expect.poll(() => postWith(page, 'describes being followed').count(), { timeout: 5000 }).toBe(0)
    expect(await postWith(page, 'a bit tired').count()).toBe(1)

    expectNoPageErrors(errors)
    await context.close()
  })

  it('says in plain words when the node has gone, and the page stays usable', async () => {
    const host = await e2e.host()
    const { context, page } = await openPage(e2e.browser(), host.url)
    await onboard(page)
    await createGroup(page, 'Quiet corner', 'Moss')
    await host.stop()

    await openCompose(page)
    await page.getByLabel('Your post').fill('This cannot be sent.')
    await page.getByRole('button', { name: 'Post', exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong inside Hearth. Nothing was changed' })
    await alert.waitFor()
    expect(await alert.textContent()).not.toMatch(/INTERNAL|Error:|at /)
    // What was typed is kept, so nothing is lost when the node is back.
    expect(await page.getByLabel('Your post').inputValue()).toBe('This cannot be sent.')
    expect(await page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(true)
    await context.close()
  })
})
