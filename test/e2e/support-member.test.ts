/**
 * Issue 8 across two people, each with their own web host and browser context on a loopback
 * testnet: what a member sees and does (suggest a resource, answer a meeting, share a check-in,
 * no debrief), what the facilitator sees of it without reloading (the suggestion to add, the
 * answer, the check-in), and an axe scan of the member's screens in the dark scheme.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible } from './support/axe.ts'
import { createGroup, expectNoPageErrors, heading, joinWithCode, makeInvite, onboard, section, type SectionName } from './support/flows.ts'
import { usePeople } from './support/session.ts'

const { person } = usePeople()

async function sectionOf(page: Page, name: string): Promise<void> {
  await section(page, name as SectionName)
  await page.getByRole('heading', { name, level: 2 }).waitFor()
}

describe('support features between a facilitator and a member', () => {
  it('a member suggests, answers and checks in; the facilitator sees it and curates; the member has no debrief', async () => {
    const [alder, birch] = await Promise.all([person({ colorScheme: 'light' }), person({ colorScheme: 'dark' })])
    const a = alder.page
    const b = birch.page
    await Promise.all([onboard(a), onboard(b)])
    await createGroup(a, 'Harbour circle', 'Alder')

    await sectionOf(a, 'Meetings')
    await a.getByLabel('Title').fill('Thursday evening')
    await a.getByLabel('Starts').fill('2026-12-03T18:30')
    await a.getByLabel('How to join').fill('Call link from Alder')
    await a.getByRole('button', { name: 'Save the meeting' }).click()
    await a.getByRole('heading', { name: 'Thursday evening' }).waitFor()
    const code = await makeInvite(a)

    await joinWithCode(b, code, 'Birch')
    await heading(b, 'Harbour circle')

    // The member: a suggestion (no directory form), an answer, no debrief.
    await sectionOf(b, 'Resources')
    expect(await b.getByRole('heading', { name: 'Add to the directory' }).count()).toBe(0)
    await b.getByLabel('Kind of help').selectOption({ label: 'Housing and shelter' })
    await b.getByLabel('Name', { exact: true }).fill('Harbour refuge')
    await b.getByLabel('How to reach it (optional)').fill('Ask at the library desk')
    await b.getByRole('button', { name: 'Send the suggestion' }).click()
    await b.getByRole('heading', { name: 'Your suggestions, waiting for a facilitator' }).waitFor()
    await expectAccessible(b, 'member resources (dark)')

    await sectionOf(b, 'Meetings')
    await b.getByText('Call link from Alder').waitFor()
    expect(await b.getByRole('heading', { name: 'Plan a meeting' }).count()).toBe(0)
    await b.getByRole('button', { name: 'Coming', exact: true }).click()
    await b.getByText('1 coming (Birch)').waitFor()
    await expectAccessible(b, 'member meetings (dark)')

    await sectionOf(b, 'Care')
    expect(await b.getByRole('heading', { name: "Facilitators' debrief" }).count()).toBe(0)
    await expectAccessible(b, 'member care (dark)')
    await b.getByRole('button', { name: 'Back to your groups' }).click()
    await b.getByRole('button', { name: 'How are you today?' }).click()
    await b.getByRole('radio', { name: 'Okay' }).check()
    await b.getByLabel('A few words (optional)').fill('a calmer week')
    await b.getByRole('checkbox', { name: 'Harbour circle' }).check()
    await b.getByRole('button', { name: 'Check in' }).click()
    await b.getByText('shared with Harbour circle').waitFor()
    // Birch goes back to the directory and stays there.
    await b.getByRole('button', { name: 'Back to your groups' }).click()
    await b.getByRole('button', { name: /^Harbour circle/ }).click()
    await sectionOf(b, 'Resources')
    await b.getByText('Suggested by Birch').waitFor()

    // The facilitator sees all of it as it arrives, and curates the suggestion.
    await sectionOf(a, 'Meetings')
    await a.getByText('1 coming (Birch)').waitFor({ timeout: 20_000 })
    await sectionOf(a, 'Resources')
    await a.getByRole('heading', { name: 'Suggestions from members' }).waitFor({ timeout: 20_000 })
    await a.getByText('Suggested by Birch').waitFor()
    await a.getByRole('button', { name: 'Add Harbour refuge to the directory' }).click()
    await a.getByText('Added by Alder, suggested by Birch').waitFor()
    await sectionOf(a, 'Care')
    await a.getByText('a calmer week').waitFor({ timeout: 20_000 })
    await a.getByRole('heading', { name: "Facilitators' debrief" }).waitFor()

    // And the member sees the suggestion taken into the directory, without reloading.
    await b.getByText('Added by Alder, suggested by Birch').waitFor({ timeout: 20_000 })

    expectNoPageErrors(alder.errors)
    expectNoPageErrors(birch.errors)
  })
})
