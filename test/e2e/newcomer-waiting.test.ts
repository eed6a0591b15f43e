/**
 * A newcomer whose history waits for someone, in real Chromium across three nodes on a loopback
 * testnet (GroupStatus.arriving, core/group/history-wait.ts; the page: ArrivingNotice.svelte).
 * Cedar asks to join on an invite that needs approval and closes Hearth before Alder approves
 * her, so her device never writes. Birch joins later: her first sync cannot end while nobody has
 * told the length of Cedar's log, and her page says in plain words whose posts it still waits for
 * and how they can come; Alder's members list says nothing of Cedar's has come, and what that holds
 * up. Birch's members list and decisions say the same (GroupInfo.arriving, session 15): what they
 * show is only as far as the history has arrived, said after each screen's heading and before its
 * list, and whom it waits for. Once Alder removes Cedar, Birch's page is the group's ordinary one
 * and neither screen says it any more.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scanBoth } from './support/axe.ts'
import { callFromPage, createGroup, expectNoPageErrors, heading, joinWithCode, onboard, postWith, section, writePost } from './support/flows.ts'
import { usePeople } from './support/session.ts'

const { person } = usePeople()

const WAITING_FOR_CEDAR = 'Still waiting for what Cedar wrote. It arrives when Cedar, or someone who already has it, is online.'
const MEMBERS_LEAD = 'This list shows the group as far as it has arrived'
const DECISIONS_LEAD = 'Some decisions and votes may not show here yet'
const OTHER_LEAD = 'What shows here is only what has arrived so far'
const REMOVAL_LINE = 'they may already have left, or been removed by someone else, in a part that has not arrived yet'

/** Whether `a` comes before `b` in the page (DOCUMENT_POSITION_FOLLOWING, 4): the order a screen reader reads them in. */
async function before(page: Page, a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.elementHandle(), await b.elementHandle()]
  return page.evaluate(([p, q]) => !!p && !!q && (p.compareDocumentPosition(q) & 4) !== 0, [x, y] as const)
}

/** The screen's "still arriving" notice: a polite live region right after its heading and before `first`. */
async function arrivingNotice(page: Page, title: string, lead: string, first: Locator): Promise<void> {
  const notice = page.getByRole('status').filter({ hasText: lead })
  await notice.waitFor({ timeout: 30_000 })
  await notice.getByText(WAITING_FOR_CEDAR).waitFor()
  expect(await notice.locator('bdi bdi').allTextContents()).toEqual(['Cedar', 'Cedar'])
  const heading = page.getByRole('heading', { level: 2, name: title })
  expect(await before(page, heading, notice)).toBe(true)
  expect(await before(page, notice, first)).toBe(true)
}

describe('a newcomer’s history waiting for someone', () => {
  it('names the member it waits for, and goes once facilitators remove her', async () => {
    const [alder, birch, cedar] = await Promise.all([person(), person(), person()])
    const [a, b, c] = [alder.page, birch.page, cedar.page]
    await Promise.all([onboard(a), onboard(b), onboard(c)])

    await createGroup(a, 'Sunday circle', 'Alder')
    await section(a, 'Conversations')
    await writePost(a, 'Welcome, everyone. This is our space.')
    const groups = await callFromPage(a, 'listGroups', {})
    if (!groups.ok) throw new Error(groups.error.code)
    const groupId = groups.value[0]?.id as string
    const forCedar = await callFromPage(a, 'createInvite', { groupId, uses: 1, approval: true })
    if (!forCedar.ok) throw new Error(forCedar.error.code)

    // Cedar asks, then closes Hearth for good: her device never writes a word.
    await joinWithCode(c, forCedar.value.code, 'Cedar')
    await c.getByText('A facilitator must approve you first.').waitFor({ timeout: 30_000 })
    await cedar.host.stop()
    await section(a, 'Invites')
    await a.getByRole('button', { name: 'Approve Cedar' }).waitFor({ timeout: 30_000 })
    await a.getByRole('button', { name: 'Approve Cedar' }).click()
    await a.getByText('Nobody is waiting.').waitFor()

    // Birch joins as a facilitator, so the removal question and the facilitators' screens are hers too.
    const forBirch = await callFromPage(a, 'createInvite', { groupId, uses: 1, role: 'facilitator' })
    if (!forBirch.ok) throw new Error(forBirch.error.code)
    await joinWithCode(b, forBirch.value.code, 'Birch')
    await heading(b, 'Sunday circle')
    await section(b, 'Conversations')
    const notice = b.getByRole('status').filter({ hasText: 'Still waiting for what Cedar wrote. It arrives when Cedar, or someone who already has it, is online.' })
    await notice.waitFor({ timeout: 60_000 })
    await notice.getByText('You joined recently').waitFor()
    // The name is isolated, as every name the group shows.
    expect(await notice.locator('bdi bdi').allTextContents()).toEqual(['Cedar', 'Cedar'])
    expect(await postWith(b, 'Welcome, everyone.').count()).toBe(0)
    await scanBoth(b, 'a newcomer’s page waiting for a member')

    // Her members list and decisions are read only as far as the history has arrived: they say so.
    await section(b, 'Members')
    await arrivingNotice(b, 'Members', MEMBERS_LEAD, b.getByRole('table', { name: 'Members of this group' }))
    await scanBoth(b, 'a newcomer’s members list while the history arrives')
    // The removal question says Cedar may already be gone in what has not arrived; Birch keeps her.
    const cedarHere = b.getByRole('table', { name: 'Members of this group' }).getByRole('row', { name: /^Cedar/ })
    await cedarHere.getByRole('button', { name: 'Remove from group: Cedar' }).click()
    const question = b.getByRole('group', { name: 'Remove Cedar from Sunday circle?' })
    await question.getByText(REMOVAL_LINE).waitFor()
    await question.getByRole('button', { name: 'Keep Cedar' }).click()
    await question.waitFor({ state: 'detached' })
    // The facilitators' requests and review queue are read as far as it has arrived too.
    await section(b, 'Invites')
    await arrivingNotice(b, 'Invites', OTHER_LEAD, b.getByRole('heading', { level: 3, name: 'Invites made so far' }))
    await section(b, 'Review')
    await arrivingNotice(b, 'Review', OTHER_LEAD, b.getByText('Posts and replies members flagged.'))
    await section(b, 'Decisions')
    await arrivingNotice(b, 'Decisions', DECISIONS_LEAD, b.getByText('No decisions yet.'))
    await scanBoth(b, 'a newcomer’s decisions while the history arrives')
    await section(b, 'Conversations')

    // Alder, a facilitator, sees that nothing of Cedar's has come, what it holds up and what ends it.
    await section(a, 'Members')
    const cedarRow = a.getByRole('table', { name: 'Members of this group' }).getByRole('row', { name: /^Cedar/ })
    await cedarRow.getByRole('cell', { name: 'Nothing from them has reached this device yet' }).waitFor()
    await a.getByText('Nothing Cedar wrote has reached this device yet. Until it does, people who join later see the group’s history as still arriving.').waitFor()
    // Birch wrote her profile as she joined: once it is here, she is not marked.
    const birchRow = a.getByRole('table', { name: 'Members of this group' }).getByRole('row', { name: /^Birch/ })
    await expect.poll(() => birchRow.getByRole('cell', { name: 'Nothing from them has reached this device yet' }).count(), { timeout: 30_000 }).toBe(0)
    await scanBoth(a, 'members, one admitted who never wrote')

    // Alder removes Cedar: nothing is waited for, and the group's posts show.
    await cedarRow.getByRole('button', { name: 'Remove from group: Cedar' }).click()
    await a.getByRole('group', { name: 'Remove Cedar from Sunday circle?' }).getByRole('button', { name: 'Remove Cedar' }).click()
    await cedarRow.waitFor({ state: 'detached' })
    await postWith(b, 'Welcome, everyone.').waitFor({ timeout: 60_000 })
    expect(await b.getByText('Still waiting for what').count()).toBe(0)
    // Her other screens no longer say it either: the list is the group's as it stands.
    await section(b, 'Members')
    const birchList = b.getByRole('table', { name: 'Members of this group' })
    await birchList.getByRole('row', { name: /^Cedar/ }).waitFor({ state: 'detached', timeout: 30_000 })
    expect(await b.getByText(MEMBERS_LEAD).count()).toBe(0)
    expect(await b.getByText('You joined recently').count()).toBe(0)
    await section(b, 'Decisions')
    await b.getByText('No decisions yet.').waitFor()
    expect(await b.getByText(DECISIONS_LEAD).count()).toBe(0)
    await section(b, 'Invites')
    await b.getByRole('heading', { level: 2, name: 'Invites' }).waitFor()
    expect(await b.getByText(OTHER_LEAD).count()).toBe(0)

    for (const p of [alder, birch]) expectNoPageErrors(p.errors)
  })
})
