/**
 * The private line to the facilitators, two people on two web hosts over a loopback DHT, with
 * the keyboard alone: a member writes from the "More" menu, the facilitator reads it among the
 * members' lines and answers, the member reads the answer. It is reachable from the member list
 * and from Flag too, and the screens pass axe in light and dark. (That a former facilitator reads
 * nothing written after the change is core's, proved against real governance in
 * test/integration/support/private-line.test.ts.)
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scanBoth } from './support/axe.ts'
import { callFromPage, createGroup, expectNoPageErrors, heading, joinWithCode, makeInvite, onboard, postWith, section, writePost } from './support/flows.ts'
import { focused, tabTo } from './support/keyboard.ts'
import { usePeople } from './support/session.ts'

const { person } = usePeople()

/** From the group's heading, with Tab and Enter only: More → Write to the facilitators. */
async function openLineByKeyboard(page: Page, groupName: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: groupName }).focus()
  await tabTo(page, 'More')
  await page.keyboard.press('Enter')
  // The item may carry a count of new messages: "Write to the facilitators (1 new)".
  await expect.poll(async () => (await focused(page)).name, { timeout: 5000 }).toMatch(/^Write to the facilitators/)
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 2, name: 'Write to the facilitators' }).waitFor()
  await expect.poll(async () => (await focused(page)).name, { timeout: 5000 }).toBe('Write to the facilitators')
}

describe('the private line to the facilitators', () => {
  it('a member writes and the facilitator answers, both with the keyboard alone', async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const a = alder.page
    const b = birch.page
    await Promise.all([onboard(a), onboard(b)])
    await createGroup(a, 'Harbour circle', 'Alder', 'Facilitated')
    await writePost(a, 'Welcome, everyone.')
    const code = await makeInvite(a)
    await joinWithCode(b, code, 'Birch')
    await heading(b, 'Harbour circle')

    // Birch, keyboard only.
    await openLineByKeyboard(b, 'Harbour circle')
    await tabTo(b, 'What is it about?')
    await b.keyboard.press('ArrowDown')
    await b.keyboard.press('ArrowDown')
    expect(await b.getByLabel('What is it about?').inputValue()).toBe('safety-check')
    await tabTo(b, 'Your message to the facilitators')
    await b.keyboard.type('Someone I know may have an invite. Can we talk?')
    await tabTo(b, 'Send to the facilitators')
    await b.keyboard.press('Enter')
    await b.getByRole('status').filter({ hasText: 'Sent. Only the facilitators can read it' }).waitFor()
    await b.getByRole('list', { name: 'Your messages and the answers' }).getByText('Someone I know may have an invite.').waitFor()
    await scanBoth(b, 'private line, member')

    // Alder, keyboard only: the line waits for an answer.
    await openLineByKeyboard(a, 'Harbour circle')
    const waiting = a.getByRole('heading', { level: 4, name: 'Birch — waiting for an answer' })
    await waiting.waitFor({ timeout: 30_000 })
    await a.getByRole('list', { name: "Messages on Birch's line" }).getByText('A safety check').waitFor()
    await tabTo(a, 'Your answer to Birch', 40)
    await a.keyboard.type('Yes. I will call you tonight; the invite can be withdrawn.')
    await tabTo(a, 'Send the answer to Birch')
    await a.keyboard.press('Enter')
    await a.getByRole('heading', { level: 4, name: 'Birch', exact: true }).waitFor()
    await scanBoth(a, 'private line, facilitator')

    // Birch reads the answer; the other members never could (their own line is empty).
    await b.getByText('Yes. I will call you tonight').waitFor({ timeout: 30_000 })
    expect(await b.getByText('Alder (facilitator)').count()).toBe(1)
    const groupId = ((await callFromPage(b, 'listGroups', {})) as { ok: true; value: { id: string }[] }).value[0]!.id
    expect(await callFromPage(b, 'privateLines', { groupId })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })

    // Also reachable from the member list and from Flag, about that post.
    await section(b, 'Members')
    await b.getByRole('button', { name: 'Write to the facilitators privately' }).click()
    await b.getByRole('heading', { level: 2, name: 'Write to the facilitators' }).waitFor()
    await section(b, 'Conversations')
    const post = postWith(b, 'Welcome, everyone.')
    await post.waitFor({ timeout: 20_000 })
    await post.getByRole('button', { name: 'Flag' }).click()
    await post.getByRole('button', { name: 'Write to the facilitators privately' }).click()
    await b.getByRole('heading', { level: 2, name: 'Write to the facilitators' }).waitFor()
    expect(await b.getByLabel('What is it about?').inputValue()).toBe('concern')
    expectNoPageErrors(alder.errors)
    expectNoPageErrors(birch.errors)
  })
})
