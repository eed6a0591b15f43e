/**
 * Moderation, decisions and the rotation in Chromium, two people on a loopback testnet, each with
 * their own web host process and browser context: Birch posts; Alder (facilitator, who sets the
 * group's flag threshold to 1 on the review screen) flags it with a rule as the reason; Birch sees "hidden — why"; Alder
 * keeps it hidden with a note and then restores it from the review queue with the keyboard
 * alone; Birch's notice goes. Then Alder proposes a decision, plans a turn (and is reminded),
 * mutes Birch, and changes the rules (the banner names Birch). axe scans every new screen in
 * light and dark.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible } from './support/axe.ts'
import { callFromPage, createGroup, expectNoPageErrors, heading, makeInvite, onboard, postWith, section, writePost, writeRules } from './support/flows.ts'
import { usePeople } from './support/session.ts'
import { focused, tabTo } from './support/keyboard.ts'

const { person } = usePeople()

async function go(page: Page, name: 'Review' | 'Decisions' | 'Who holds the space' | 'Conversations' | 'Members'): Promise<void> {
  await section(page, name)
}

/** axe in light and then dark, on the same page. */
async function scanBoth(page: Page, screen: string): Promise<void> {
  await expectAccessible(page, `${screen} (light)`)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, `${screen} (dark)`)
  await page.emulateMedia({ colorScheme: 'light' })
}

const RULES = '1. What is shared here stays here.\n2. Speak from your own experience.'
const WORDS = 'We meet by the old mill on Elm street.'

describe('moderation across two nodes', () => {
  it('flag → hidden with why → kept hidden → restored from the queue by keyboard; decisions, a turn, mute, a new rules version', async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const a = alder.page
    const b = birch.page
    await Promise.all([onboard(a), onboard(b)])
    await createGroup(a, 'Tuesday circle', 'Alder', 'Facilitated')
    await writeRules(a, RULES)
    // The threshold is a group setting on the review screen: one flag hides, for this test.
    await go(a, 'Review')
    await a.getByLabel('Hide a post for review after flags from').selectOption('1')
    await a.getByRole('button', { name: 'Save' }).click()
    await a.getByText('Saved: one flag hides a post until it is reviewed.').waitFor()
    const groupId = ((await callFromPage(a, 'listGroups', {})) as { ok: true; value: { id: string }[] }).value[0]!.id
    expect(((await callFromPage(a, 'groupInfo', { groupId })) as { ok: true; value: { flagThreshold: number } }).value.flagThreshold).toBe(1)
    const code = await makeInvite(a)

    await b.getByRole('button', { name: 'Join a group with a code' }).click()
    await b.getByLabel('Your name in this group').fill('Birch')
    await b.getByLabel('Invite code').fill(code)
    await b.getByRole('button', { name: 'Join the group' }).click()
    await heading(b, 'Tuesday circle')
    await b.getByRole('button', { name: 'Read the ground rules' }).click()
    await b.getByRole('button', { name: 'I accept these ground rules' }).click()
    await b.getByText('You have accepted these ground rules.').waitFor()
    await section(b, 'Conversations')
    await writePost(b, WORDS)

    // Alder flags Birch's post, choosing the rule it breaks.
    await section(a, 'Conversations')
    const post = postWith(a, 'old mill')
    await post.waitFor({ timeout: 20_000 })
    await post.getByRole('button', { name: 'Flag' }).click()
    await post.getByRole('radio', { name: 'Rule 1: What is shared here stays here.' }).waitFor()
    await scanBoth(a, 'flag form')
    await post.getByRole('button', { name: 'Flag it' }).click()
    await post.getByText('Please choose a reason.').waitFor()
    await post.getByRole('radio', { name: 'Rule 1: What is shared here stays here.' }).check()
    await post.getByRole('button', { name: 'Flag it' }).click()
    // At the threshold it is hidden for everyone but Birch.
    await post.waitFor({ state: 'detached' })

    const notice = b.getByRole('note', { name: 'Hidden from the group' })
    await notice.waitFor({ timeout: 20_000 })
    expect(await notice.textContent()).toContain('Rule 1: What is shared here stays here. (1 flag)')
    expect(await postWith(b, 'old mill').count()).toBe(1)
    await scanBoth(b, 'author sees hidden — why')

    // The review queue, from the keyboard alone: keep hidden with a reason and a note.
    await go(a, 'Review')
    const item = a.getByRole('article', { name: /^Birch/ })
    await item.getByText('Hidden by flags.').waitFor()
    expect(await item.textContent()).toContain('Flagged by Alder.')
    await scanBoth(a, 'review queue')
    await a.getByRole('heading', { name: 'Review' }).click()
    await tabTo(a, 'Keep hidden')
    await a.keyboard.press('Enter')
    expect((await focused(a)).name).toBe('Rule 1: What is shared here stays here.')
    await a.keyboard.press('Space')
    await tabTo(a, 'A note for the author', 3)
    await a.keyboard.type('please leave out the place')
    await scanBoth(a, 'review queue, keep hidden form')
    await a.keyboard.press('Enter')
    await item.getByText('Hidden by a facilitator.').waitFor()
    await b.getByText('Their note: “please leave out the place”').waitFor({ timeout: 20_000 })

    await tabTo(a, 'Show it again')
    await a.keyboard.press('Enter')
    await a.getByText('Nothing is waiting for review.').waitFor()
    await notice.waitFor({ state: 'detached', timeout: 20_000 })
    await go(a, 'Conversations')
    await postWith(a, 'old mill').waitFor()

    // Decisions: propose, vote.
    await go(a, 'Decisions')
    await a.getByRole('button', { name: 'Propose a decision' }).click()
    await a.getByLabel('The question').fill('Move to Thursdays?')
    await scanBoth(a, 'propose a decision')
    await a.getByRole('button', { name: 'Propose it' }).click()
    const decision = a.getByRole('article', { name: 'Move to Thursdays?' })
    await decision.getByRole('radio', { name: /^Yes/ }).check()
    await decision.getByRole('button', { name: 'Vote' }).click()
    await decision.getByRole('radio', { name: 'Yes — 1 vote (your vote)' }).waitFor()
    await scanBoth(a, 'decisions')
    await section(b, 'Decisions')
    await b.getByRole('article', { name: 'Move to Thursdays?' }).getByRole('radio', { name: 'Yes — 1 vote' }).waitFor({ timeout: 20_000 })

    // The rotation: Alder plans her own turn starting in an hour, and is reminded of it.
    await go(a, 'Who holds the space')
    const local = (ms: number): string => {
      const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000)
      return d.toISOString().slice(0, 16)
    }
    await a.getByLabel('Who', { exact: true }).selectOption({ label: 'Alder (you)' })
    await a.getByLabel('From', { exact: true }).fill(local(Date.now() + 3_600_000))
    await a.getByLabel('Until', { exact: true }).fill(local(Date.now() + 3 * 86_400_000))
    await a.getByRole('button', { name: 'Add the turn' }).click()
    await a.getByText('The turn was added.').waitFor()
    await a.getByText(/^Your turn to hold the space starts/).waitFor()
    expect(await a.getByRole('table', { name: 'Facilitation turns' }).getByRole('row').count()).toBe(2)
    await scanBoth(a, 'who holds the space')

    // Mute, for Alder alone: Birch's post leaves her conversations, not Birch's.
    await go(a, 'Members')
    await a.getByLabel('Birch', { exact: true }).selectOption('mute')
    await scanBoth(a, 'members with mute')
    await go(a, 'Conversations')
    await a.getByText('No posts yet.', { exact: false }).waitFor()
    await go(b, 'Conversations')
    await postWith(b, 'old mill').waitFor()

    // A new rules version: the banner names who has not accepted it yet.
    await writeRules(a, `${RULES}\n3. Take breaks when you need them.`)
    await go(a, 'Conversations')
    await a.getByText('Version 2 of the ground rules is waiting for 1 member to accept it: Birch.').waitFor({ timeout: 20_000 })
    await scanBoth(a, 'rules version banner')

    expectNoPageErrors(alder.errors)
    expectNoPageErrors(birch.errors)
  })
})
