/**
 * An invite that needs a facilitator's approval, across three nodes on a loopback testnet. A
 * member (not a facilitator) makes the invite, and the only facilitator is locked, so offline:
 * the newcomer is told a facilitator must approve them. The member sees the request waiting but
 * cannot decide it; the facilitator unlocks, approves it from the Invites section, and the
 * newcomer asking again with the same code is let in.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible } from './support/axe.ts'
import { createGroup, expectNoPageErrors, heading, makeInvite, onboard, PASSPHRASE, section } from './support/flows.ts'
import { usePeople } from './support/session.ts'

const { person } = usePeople()

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.getByLabel('Invite code').fill(code)
  await page.getByLabel('Your name in this group').fill(name)
  await page.getByRole('button', { name: 'Join the group' }).click()
}

describe('approval', () => {
  it('a newcomer waits for a facilitator, who approves them; asking again lets them in', async () => {
    const [alder, birch, cedar] = await Promise.all([person(), person(), person()])
    const [a, b, c] = [alder.page, birch.page, cedar.page]
    await Promise.all([onboard(a), onboard(b), onboard(c)])

    await createGroup(a, 'Sunday circle', 'Alder')
    const forBirch = await makeInvite(a)
    await b.getByRole('button', { name: 'Join a group with a code' }).click()
    await join(b, forBirch, 'Birch')
    await heading(b, 'Sunday circle')

    // Birch, a member, invites with approval; Alder, the only facilitator, locks and so goes offline.
    await section(b, 'Invites')
    await b.getByRole('button', { name: 'Make an invite' }).click()
    expect(await b.getByRole('radio', { name: 'A facilitator' }).count()).toBe(0)
    // Two uses, not one: approving takes a use, and members stop announcing an invite with none
    // left, so with one use the approved newcomer could not find anyone to let them in.
    await b.getByLabel('How many people can join with it').fill('2')
    await b.getByLabel('A facilitator must approve each person who uses it').check()
    await b.getByRole('button', { name: 'Make the invite code' }).click()
    await b.getByRole('heading', { name: 'Your new invite code' }).waitFor()
    const forCedar = (await b.locator('.code > [aria-hidden="true"] .group').allTextContents()).join('-')
    await b.getByRole('button', { name: 'Done, hide the code' }).click()
    await a.getByRole('button', { name: 'Lock Hearth' }).click()
    await heading(a, 'Unlock Hearth')

    await c.getByRole('button', { name: 'Join a group with a code' }).click()
    await join(c, forCedar, 'Cedar')
    await c.getByText('A facilitator must approve you first.').waitFor({ timeout: 30_000 })
    await expectAccessible(c, 'join, waiting for approval')

    await b.getByRole('heading', { name: 'Waiting for approval' }).waitFor()
    await b.getByText('A facilitator decides.').waitFor()
    // The newcomer's name is bold and still isolated inside the bold (a <bdi> within the <strong>).
    expect(await b.locator('section[aria-labelledby="requests-title"] strong > bdi').allTextContents()).toEqual(['Cedar'])
    expect(await b.getByRole('button', { name: 'Approve Cedar' }).count()).toBe(0)

    await a.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await a.getByRole('button', { name: 'Unlock' }).click()
    await a.getByRole('button', { name: /^Sunday circle/ }).click()
    await section(a, 'Invites')
    await a.getByRole('button', { name: 'Approve Cedar' }).waitFor({ timeout: 30_000 })
    await expectAccessible(a, 'invites, a request waiting')
    await a.getByRole('button', { name: 'Approve Cedar' }).click()
    await a.getByText('Nobody is waiting.').waitFor()

    await c.getByRole('button', { name: 'Join the group' }).click()
    await heading(c, 'Sunday circle')

    for (const p of [alder, birch, cedar]) expectNoPageErrors(p.errors)
  })
})
