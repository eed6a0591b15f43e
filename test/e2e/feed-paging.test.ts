/**
 * The feed beyond one screen: older pages on request (following core's `next` cursor), the topic
 * filter, and words written elsewhere (another window on the same node) appearing without any
 * click, because the page re-reads when core reports `groupChanged`.
 */
import { describe, expect, it } from 'vitest'
import { openPage } from './support/browser.ts'
import { callFromPage, createGroup, expectNoPageErrors, heading, onboard, openCompose } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

describe('feed paging, topics and live changes', () => {
  it('shows 20 posts, loads older ones on request, filters by topic, and shows a post written in another window', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    await onboard(page)
    await createGroup(page, 'Paging circle', 'Linden')
    const groups = await callFromPage(page, 'listGroups', {})
    if (!groups.ok || !groups.value[0]) throw new Error('no group')
    const groupId = groups.value[0].id

    for (let i = 1; i <= 27; i++) {
      const r = await callFromPage(page, 'post', { groupId, text: `Numbered post ${i}.`, topic: i % 3 === 0 ? 'question' : 'check-in' })
      expect(r.ok).toBe(true)
    }
    const posts = page.locator('article.post')
    await expect.poll(() => page.getByText('Numbered post 27.').count(), { timeout: 5000 }).toBe(1)
    expect(await posts.count()).toBe(20)
    expect(await page.getByText('Numbered post 7.', { exact: true }).count()).toBe(0)

    await page.getByRole('button', { name: 'Show older posts' }).click()
    await expect.poll(() => posts.count(), { timeout: 5000 }).toBe(27)
    expect(await page.getByText('Numbered post 1.', { exact: true }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Show older posts' }).count()).toBe(0)

    const filter = page.getByRole('group', { name: 'Show posts about' })
    await filter.getByRole('button', { name: 'Question' }).click()
    await expect.poll(() => posts.count(), { timeout: 5000 }).toBe(9)
    for (const text of await posts.allTextContents()) expect(text).toContain('Question')
    expect(await filter.getByRole('button', { name: 'Question' }).getAttribute('aria-pressed')).toBe('true')
    // Compose follows the filter, so a post written now lands where the reader is looking.
    await openCompose(page)
    expect(await page.getByLabel('Topic').inputValue()).toBe('question')
    await filter.getByRole('button', { name: 'All topics' }).click()
    await expect.poll(() => posts.count(), { timeout: 5000 }).toBe(20)

    // A second window on the same node writes; the first shows it without being touched.
    const other = await context.newPage()
    await other.goto(host.url)
    await heading(other, 'Your groups')
    const r = await callFromPage(other, 'post', { groupId, text: 'Written from the other window.' })
    expect(r.ok).toBe(true)
    await page.getByText('Written from the other window.').waitFor({ timeout: 5000 })

    expectNoPageErrors(errors)
    await context.close()
  })
})
