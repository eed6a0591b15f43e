/**
 * The whole first path with the keyboard alone: no clicks, no filling fields from outside.
 * Focus is moved only by Tab (and arrow keys inside a radio group), and every control reached
 * must show a visible focus ring.
 */
import { describe, expect, it } from 'vitest'
import { openPage } from './support/browser.ts'
import { expectNoPageErrors, heading, PASSPHRASE, postWith } from './support/flows.ts'
import { useBrowser } from './support/session.ts'
import { focused, tabTo } from './support/keyboard.ts'

const e2e = useBrowser()

describe('keyboard only', () => {
  it('goes from the safety notice to a posted, warned message and opens it, without a mouse', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    const kb = page.keyboard

    await heading(page, 'Before you start')
    await tabTo(page, 'I understand, continue')
    await kb.press('Enter')

    await heading(page, 'Choose a passphrase')
    await tabTo(page, 'Passphrase')
    await kb.type(PASSPHRASE)
    await tabTo(page, 'Type it again')
    await kb.type(PASSPHRASE)
    await tabTo(page, 'Create my profile')
    await kb.press('Enter')

    await heading(page, 'Your groups')
    await tabTo(page, 'Start a new group')
    await kb.press('Enter')
    // The form takes focus itself: the button that opened it is gone.
    await expect.poll(async () => (await focused(page)).name, { timeout: 5000 }).toBe('Group name')
    await kb.type('Keyboard circle')
    await tabTo(page, 'Survivor-led')
    await kb.press('ArrowDown')
    expect((await focused(page)).name).toMatch(/^Facilitated/)
    await tabTo(page, 'Your name in this group')
    await kb.type('Fern')
    await tabTo(page, 'Start the group')
    await kb.press('Enter')

    await heading(page, 'Keyboard circle')
    await tabTo(page, 'Write a post')
    await kb.press('Enter')
    // The folded form opens with focus on its first field.
    await expect.poll(async () => (await focused(page)).name, { timeout: 5000 }).toBe('Topic')
    await kb.press('ArrowDown')
    await tabTo(page, 'Your post')
    await kb.type('Typed without a mouse.')
    await tabTo(page, 'Content warning')
    await kb.type('mentions a hospital visit')
    await tabTo(page, 'Post')
    await kb.press('Enter')

    const post = postWith(page, 'mentions a hospital visit')
    await post.waitFor()
    expect(await post.textContent()).toContain('Story')
    expect(await page.getByText('Typed without a mouse.').count()).toBe(0)

    await tabTo(page, 'Show this post')
    await kb.press('Enter')
    await post.getByText('Typed without a mouse.').waitFor()
    await tabTo(page, 'Sending strength')
    await kb.press('Space')
    await expect.poll(() => post.getByRole('button', { name: /^Sending strength/ }).getAttribute('aria-pressed'), { timeout: 5000 }).toBe('true')

    expectNoPageErrors(errors)
    await context.close()
  })
})
