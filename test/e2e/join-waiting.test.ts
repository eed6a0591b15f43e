/**
 * A newcomer who types the code before anyone in the group has Hearth open (issue 13): the join
 * screen says, in words, that no member is online yet and that it is still looking, with how
 * many times it looked beside the live region; the page is accessible while it waits. The only
 * member then unlocks (and so comes online), and the newcomer is let in without doing anything.
 * Two web host processes on a loopback testnet, each in its own browser context.
 */
import { describe, expect, it } from 'vitest'
import { expectAccessible } from './support/axe.ts'
import { createGroup, expectNoPageErrors, heading, joinWithCode, makeInvite, onboard, PASSPHRASE, recordStatuses } from './support/flows.ts'
import { usePeople } from './support/session.ts'

const { person } = usePeople()

describe('joining while no member is online', () => {
  it('says it is still looking, and lets the newcomer in once a member comes online', { timeout: 150_000 }, async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const [a, b] = [alder.page, birch.page]
    await Promise.all([onboard(a), onboard(b)])
    await createGroup(a, 'Evening circle', 'Alder')
    const code = await makeInvite(a)
    // Locking takes Alder's node off the network: nobody can answer Birch now.
    await a.getByRole('button', { name: 'Lock Hearth' }).click()
    await heading(a, 'Unlock Hearth')

    const statuses = await recordStatuses(b)
    await joinWithCode(b, code, 'Birch')
    const still = 'No member of the group is online yet. Still looking: keep this screen open, and you are let in as soon as one opens Hearth.'
    await b.getByRole('status').filter({ hasText: still }).waitFor({ timeout: 30_000 })
    await b.getByText(/^Looked \d+ times so far\.$/).waitFor()
    await expectAccessible(b, 'join, still looking')

    await a.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await a.getByRole('button', { name: 'Unlock' }).click()
    // Birch's search runs for up to a minute from the click (JOIN_WAIT_MS); Alder's unlock is within it.
    await b.getByRole('heading', { level: 1, name: 'Evening circle' }).waitFor({ timeout: 60_000 })
    const seen = await statuses()
    expect(seen[0]).toBe('Looking for a member of the group… This can take up to a minute.')
    expect(seen).toContain(still)
    // The live region spoke once per stage, not once per look.
    expect(seen.filter((s) => s.startsWith('No member')).length).toBe(1)

    expectNoPageErrors(alder.errors)
    expectNoPageErrors(birch.errors)
  })
})
