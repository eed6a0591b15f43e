/**
 * Issue 17's group settings and everyday screens, people on their own web hosts over a loopback
 * DHT, in Chromium: a facilitator's first-run checklist and a ground-rule template (rules
 * numbered); who may invite (a member's invite waits for a facilitator's approval by default,
 * even unticked; "facilitators only" takes the button away); who may save everyone's words (a
 * member's copy holds only their own words; a facilitator's is listed for members); unread counts
 * moving as another person posts; not showing as connected. axe in light and dark on each new
 * screen.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scanBoth } from './support/axe.ts'
import { callFromPage, createGroup, download, expectNoPageErrors, heading, joinWithCode, makeInvite, onboard, postWith, section, writePost } from './support/flows.ts'
import { usePeople } from './support/session.ts'

const { person } = usePeople()

/** Alder starts a survivor-led group (its default: members invite, a facilitator approves); Birch joins. */
async function twoInGroup(a: Page, b: Page, name: string): Promise<void> {
  await Promise.all([onboard(a), onboard(b)])
  await createGroup(a, name, 'Alder', 'Survivor-led')
  const code = await makeInvite(a)
  await joinWithCode(b, code, 'Birch')
  await heading(b, name)
}

describe('safe by default', () => {
  it('a new group’s facilitator has a short checklist, and ground rules start from a template, numbered', async () => {
    const [alder] = await Promise.all([person()])
    const a = alder.page
    await onboard(a)
    await createGroup(a, 'Quay circle', 'Alder', 'Survivor-led')
    await a.getByRole('button', { name: 'Getting your group ready (1 of 3 done)' }).click()
    await scanBoth(a, 'facilitator checklist')
    await a.getByRole('button', { name: 'Write the ground rules' }).click()
    await a.getByRole('button', { name: 'Write the ground rules' }).click()
    await a.getByLabel('Start from a template (optional)').selectOption({ label: 'Peer support circle' })
    await a.getByRole('button', { name: 'Use this template' }).click()
    expect(await a.getByLabel("The group's ground rules").inputValue()).toMatch(/^What is said here stays here\./)
    await scanBoth(a, 'rules editor with templates')
    await a.getByRole('button', { name: 'Save the ground rules' }).click()
    await a.getByText('You have accepted these ground rules.').waitFor()
    // Numbered where shown, as a flag names them.
    expect(await a.getByRole('list', { name: 'The ground rules, numbered' }).getByRole('listitem').count()).toBe(7)
    await section(a, 'Conversations')
    await a.getByRole('button', { name: 'Getting your group ready (2 of 3 done)' }).click()
    await a.getByRole('button', { name: 'Check who may invite' }).click()
    await a.getByRole('heading', { name: 'Who may invite' }).waitFor()
    expect(await a.getByRole('radio', { name: /^Members, with a facilitator’s approval/ }).isChecked()).toBe(true)
    await scanBoth(a, 'invites with who may invite')
    await section(a, 'Conversations')
    await a.getByRole('button', { name: 'Getting your group ready (2 of 3 done)' }).click()
    await a.getByRole('button', { name: 'Done with this list' }).click()
    await expect.poll(() => a.getByRole('button', { name: /^Getting your group ready/ }).count(), { timeout: 5000 }).toBe(0)
    expectNoPageErrors(alder.errors)
  })

  it('a member’s invite waits for a facilitator’s approval by default; "facilitators only" takes the button away', async () => {
    const [alder, birch, cedar] = await Promise.all([person(), person(), person()])
    const [a, b, c] = [alder.page, birch.page, cedar.page]
    await Promise.all([twoInGroup(a, b, 'Quay circle'), onboard(c)])

    // Birch, a member, makes an invite without ticking approval: the group's setting adds it.
    await section(b, 'Invites')
    await b.getByText('In this group members can invite, and every newcomer waits for a facilitator’s approval.').waitFor()
    await b.getByRole('button', { name: 'Make an invite' }).click()
    await b.getByLabel('How many people can join with it').fill('2')
    await b.getByRole('button', { name: 'Make the invite code' }).click()
    await b.getByRole('heading', { name: 'Your new invite code' }).waitFor()
    const forCedar = (await b.locator('.code > [aria-hidden="true"] .group').allTextContents()).join('-')
    await b.getByRole('button', { name: 'Done, hide the code' }).click()
    await b.getByText('each newcomer waits for a facilitator’s approval').waitFor()

    // Alder sees the new invite and who made it; Cedar, using it, waits for a facilitator.
    await a.getByText(/made by Birch \(member\)/).waitFor({ timeout: 30_000 })
    await joinWithCode(c, forCedar, 'Cedar')
    await c.getByText('A facilitator must approve you first.').waitFor({ timeout: 30_000 })
    await a.getByRole('button', { name: 'Approve Cedar' }).waitFor({ timeout: 30_000 })

    await a.getByRole('radio', { name: /^Facilitators only/ }).check()
    await a.getByRole('button', { name: 'Save who may invite' }).click()
    await a.getByRole('status').filter({ hasText: 'Saved. In this group only facilitators make invites.' }).waitFor()
    await b.getByText('In this group only facilitators make invites. Ask a facilitator').waitFor({ timeout: 30_000 })
    expect(await b.getByRole('button', { name: 'Make an invite' }).count()).toBe(0)
    for (const p of [alder, birch, cedar]) expectNoPageErrors(p.errors)
  })

  it('a member saves only their own words; a facilitator’s copy of everyone’s is listed for members', async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const [a, b] = [alder.page, birch.page]
    await twoInGroup(a, b, 'Pier circle')
    await section(a, 'Conversations')
    await writePost(a, 'Alder says: welcome to the pier.')
    await postWith(b, 'welcome to the pier').waitFor({ timeout: 30_000 })
    await writePost(b, 'Birch says: glad to be here.')
    await section(b, 'Save a copy')
    await b.getByRole('radio', { name: /^Web page/ }).check()
    expect(await b.getByRole('radio', { name: /^Everyone's words/ }).count()).toBe(0)
    await b.getByText('This file holds only your own posts and replies.').waitFor()
    await scanBoth(b, 'save a copy, member')
    const mine = await download(b, 'Download the readable file')
    expect(mine.text).toContain('Birch says: glad to be here.')
    expect(mine.text).not.toContain('welcome to the pier')

    await section(a, 'Save a copy')
    await a.getByRole('radio', { name: /^Markdown/ }).check()
    await a.getByRole('radio', { name: /^Everyone's words/ }).check()
    const all = await download(a, 'Download the readable file')
    expect(all.text).toContain('welcome to the pier')
    await scanBoth(a, 'save a copy, facilitator')
    await b.getByText(/^Alder saved everyone's words \(MD\)/).waitFor({ timeout: 30_000 })
    for (const p of [alder, birch]) expectNoPageErrors(p.errors)
  })

  it('unread counts move as another person posts', async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const [a, b] = [alder.page, birch.page]
    await twoInGroup(a, b, 'Dock circle')
    // Birch has looked at the conversation and goes back to the groups list; Alder posts twice.
    await section(b, 'Members')
    await b.getByRole('button', { name: 'Back to your groups' }).click()
    await heading(b, 'Your groups')
    await section(a, 'Conversations')
    await writePost(a, 'First news from Alder.')
    await writePost(a, 'Second news from Alder.')
    await expect.poll(async () => {
      const r = await callFromPage(b, 'unread', {})
      return r.ok ? r.value[0]?.sections.conversations : r.error.code
    }, { timeout: 30_000 }).toBe(2)
    // The list shows the group's whole count (conversations and any other section).
    const r = await callFromPage(b, 'unread', {})
    const total = r.ok ? (r.value[0]?.total ?? 0) : 0
    expect(total).toBeGreaterThanOrEqual(2)
    await b.getByRole('button', { name: new RegExp(`^Dock circle · ${total} new`) }).waitFor()
    await scanBoth(b, 'groups list with unread counts')
    await b.getByRole('button', { name: /^Dock circle/ }).click()
    await heading(b, 'Dock circle')
    const nav = b.getByRole('navigation', { name: 'Group sections' })
    await nav.getByRole('button', { name: 'Conversations (2 new)' }).waitFor()
    await b.getByText('2 new since you were here').waitFor()
    expect(await postWith(b, 'First news from Alder.').getByText('New', { exact: true }).count()).toBe(1)
    await scanBoth(b, 'conversations with new marks')

    // Looking elsewhere marks them seen; one more post counts from there.
    await section(b, 'Members')
    await nav.getByRole('button', { name: 'Conversations', exact: true }).waitFor()
    await writePost(a, 'Third news from Alder.')
    await nav.getByRole('button', { name: 'Conversations (1 new)' }).waitFor({ timeout: 30_000 })
    for (const p of [alder, birch]) expectNoPageErrors(p.errors)
  })

  it('a member can stop showing as connected, and still syncs', async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const [a, b] = [alder.page, birch.page]
    await twoInGroup(a, b, 'Jetty circle')
    await a.getByText(/Connected now: .*Birch/).waitFor({ timeout: 30_000 })
    await section(b, 'Members')
    await b.getByRole('checkbox', { name: 'Do not show me as connected to this group' }).check()
    await b.getByRole('status').filter({ hasText: 'Others no longer see you as connected here.' }).waitFor()
    await scanBoth(b, 'members with the presence choice')
    await a.getByText('No other member is connected now.').waitFor({ timeout: 30_000 })
    await section(b, 'Conversations')
    await writePost(b, 'Invisible, still here.')
    await section(a, 'Conversations')
    await postWith(a, 'Invisible, still here.').waitFor({ timeout: 30_000 })
    for (const p of [alder, birch]) expectNoPageErrors(p.errors)
  })
})
