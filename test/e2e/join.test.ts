/**
 * Two people, each with their own web host process and browser context, meeting on a loopback
 * DHT testnet: a facilitator makes a group with ground rules and an invite; a newcomer types the
 * code (after two mistyped ones, each refused in plain words), must accept the rules before
 * posting, and then both write, reply and react, and each sees the other's words. The honest
 * sync line and the members' presence follow what core reports. Then the newcomer's whole path,
 * from the groups screen to a post the other person reads, with the keyboard alone.
 */
import { describe, expect, it } from 'vitest'
import { createGroup, expectNoPageErrors, heading, makeInvite, onboard, postWith, recordStatuses, section, writePost, writeRules } from './support/flows.ts'
import { usePeople } from './support/session.ts'
import { tabTo } from './support/keyboard.ts'

const { person } = usePeople()

const RULES = '1. What is shared here stays here.\n2. Speak from your own experience.'

describe('joining by code, across two nodes', () => {
  it('a newcomer types the code, accepts the rules, and both see each other’s posts, replies and reactions', async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const a = alder.page
    const b = birch.page
    await Promise.all([onboard(a), onboard(b)])

    await createGroup(a, 'Tuesday circle', 'Alder', 'Facilitated')
    await writeRules(a, RULES)
    await section(a, 'Conversations')
    await writePost(a, 'Welcome, everyone. This is our space.')
    // Alone and online: nothing of ours is anywhere else yet, and the header says so.
    await a.getByText('Only on this device.').waitFor()
    expect(await a.getByText('No other member is connected now.').count()).toBe(1)

    const code = await makeInvite(a)
    expect(await a.getByRole('img', { name: 'QR code of the invite' }).count()).toBe(1)

    await b.getByRole('button', { name: 'Join a group with a code' }).click()
    await heading(b, 'Join a group')
    const codeBox = b.getByLabel('Invite code')
    // The name field starts empty: a name used elsewhere would link this group to the person.
    expect(await b.getByLabel('Your name in this group').inputValue()).toBe('')
    await b.getByLabel('Your name in this group').fill('Birch')

    // Half a code, as a hurried copy leaves it.
    await codeBox.fill(code.slice(0, 9))
    await b.getByRole('button', { name: 'Join the group' }).click()
    await b.getByRole('alert').filter({ hasText: 'That does not look like an invite code.' }).waitFor()

    // One symbol changed: the checksum catches it before anything is sent.
    const typo = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6)
    await codeBox.fill('')
    await codeBox.pressSequentially(typo)
    await b.getByRole('button', { name: 'Join the group' }).click()
    await b.getByRole('alert').filter({ hasText: 'That code has a mistake in it' }).waitFor()

    // Typed as a person would read it aloud: small letters and spaces are fine.
    await codeBox.fill('')
    await codeBox.pressSequentially(code.toLowerCase().replaceAll('-', ' '))
    const statuses = await recordStatuses(b)
    await b.getByRole('button', { name: 'Join the group' }).click()
    await heading(b, 'Tuesday circle')
    expect(await statuses()).toContain('Looking for a member of the group… This can take up to a minute.')

    // Rules first: the compose area says so and leads to them.
    await b.getByText("Before you post or reply, please read this group's ground rules and accept them.").waitFor()
    expect(await b.getByLabel('Your post').count()).toBe(0)
    await b.getByRole('button', { name: 'Read the ground rules' }).click()
    await b.getByText('What is shared here stays here.').waitFor()
    await b.getByRole('button', { name: 'I accept these ground rules' }).click()
    await b.getByText('You have accepted these ground rules.').waitFor()
    await section(b, 'Conversations')

    // Alder's words reached Birch; Birch writes back.
    const welcome = postWith(b, 'Welcome, everyone.')
    await welcome.waitFor()
    expect(await welcome.textContent()).toContain('Alder')
    await writePost(b, 'Thank you for having me. First time in a group like this.')
    await welcome.getByRole('button', { name: 'Reply' }).click()
    await welcome.getByLabel('Your reply').fill('Glad to be here, Alder.')
    await welcome.getByRole('button', { name: 'Send reply' }).click()
    await welcome.getByRole('button', { name: /^Sending strength/ }).first().click()

    // Alder sees all of it without reloading, and answers.
    await section(a, 'Conversations')
    const hello = postWith(a, 'First time in a group like this.')
    await hello.waitFor()
    expect(await hello.textContent()).toContain('Birch')
    const mine = postWith(a, 'Welcome, everyone.')
    await mine.getByText('Glad to be here, Alder.').waitFor()
    await expect.poll(() => mine.getByRole('button', { name: /^Sending strength/ }).first().textContent(), { timeout: 10_000 }).toContain('1')
    await hello.getByRole('button', { name: /^You're not alone/ }).first().click()
    await hello.getByRole('button', { name: 'Reply' }).click()
    await hello.getByLabel('Your reply').fill('You are very welcome, Birch.')
    await hello.getByRole('button', { name: 'Send reply' }).click()

    const mineOnB = postWith(b, 'First time in a group like this.')
    await mineOnB.getByText('You are very welcome, Birch.').waitFor()
    await expect.poll(() => mineOnB.getByRole('button', { name: /^You're not alone/ }).first().textContent(), { timeout: 10_000 }).toContain('1')

    // The header and the members table follow core: Birch holds Alder's words, and is connected.
    await a.getByText('Held by another member.').waitFor({ timeout: 15_000 })
    await a.getByText('Connected now: Birch.').waitFor()
    // Each name of the list is isolated on its own, inside the list's own isolation.
    expect(await a.locator('p.peers bdi > bdi').allTextContents()).toEqual(['Birch'])
    await section(a, 'Members')
    const row = a.getByRole('row', { name: /^Birch/ })
    // The last cell holds what a facilitator can do about another member (in a facilitated group,
    // with the badge a new facilitator may carry; the select's text is its options).
    await expect.poll(async () => (await row.getByRole('cell').allTextContents()).map((t) => t.trim()), { timeout: 10_000 })
      .toEqual(['Member', 'Active', 'Accepted', 'Connected now, directly', 'Badge if made facilitator No badgeCounsellorAdvocate Make facilitator Remove from group'])

    // The invite is used up now, and the list says so.
    await section(a, 'Invites')
    await a.getByRole('article', { name: /^Invite made by Alder, used/ }).waitFor()

    expectNoPageErrors(alder.errors)
    expectNoPageErrors(birch.errors)
  })

  it('a newcomer joins, accepts the rules and posts with the keyboard alone', async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const a = alder.page
    const b = birch.page
    await Promise.all([onboard(a), onboard(b)])
    await createGroup(a, 'Keyboard circle', 'Alder')
    await writeRules(a, RULES)
    const code = await makeInvite(a)
    await section(a, 'Conversations')

    const kb = b.keyboard
    await tabTo(b, 'Join a group with a code')
    await kb.press('Enter')
    await heading(b, 'Join a group')
    await tabTo(b, 'Invite code')
    await kb.type(code)
    await tabTo(b, 'Your name in this group')
    await kb.type('Birch')
    await tabTo(b, 'Join the group')
    await kb.press('Enter')

    await heading(b, 'Keyboard circle')
    await tabTo(b, 'Read the ground rules')
    await kb.press('Enter')
    await tabTo(b, 'I accept these ground rules')
    await kb.press('Enter')
    await b.getByText('You have accepted these ground rules.').waitFor()
    // The note can show first, from the refresh the acceptance's own event starts; the way to the
    // conversations comes once the accept call has returned (its own refresh), which moves focus.
    await b.getByRole('button', { name: 'Go to the conversations' }).waitFor()
    await tabTo(b, 'Go to the conversations')
    await kb.press('Enter')
    await tabTo(b, 'Write a post')
    await kb.press('Enter')
    await tabTo(b, 'Your post')
    await kb.type('Joined and posted without a mouse.')
    await tabTo(b, 'Post')
    await kb.press('Enter')

    const post = postWith(a, 'Joined and posted without a mouse.')
    await post.waitFor()
    expect(await post.textContent()).toContain('Birch')
    expectNoPageErrors(alder.errors)
    expectNoPageErrors(birch.errors)
  })
})
