/**
 * Membership on screen, two people on a loopback DHT, each with their own web host and browser
 * context, in a facilitated group: the member sees the removal rule as words only; the
 * facilitator turns on "a second facilitator must agree" and the member's screen follows; the
 * facilitator makes the newcomer a facilitator with a counsellor badge (shown in both lists) and a
 * member again, then asks to remove them after a confirmation (reached and answered with the
 * keyboard) and is told it waits for a second facilitator; with the rule turned off again the
 * removal happens; the removed person's screen says plainly that they are no longer a member and
 * offers no form to write; the facilitator, alone, leaves after a confirmation. An axe scan of
 * each new state, in light and dark.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible } from './support/axe.ts'
import { createGroup, expectNoPageErrors, heading, makeInvite, onboard, section, writePost } from './support/flows.ts'
import { usePeople } from './support/session.ts'
import { focused, tabTo } from './support/keyboard.ts'

const { person } = usePeople()

/** Scans the page as it is now in both colour schemes. */
async function scanBoth(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expectAccessible(page, `${screen} (${colorScheme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

describe('members: roles, removal and leaving', () => {
  it('a facilitator changes a role, removes a member who is then told plainly, and leaves', async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const a = alder.page
    const b = birch.page
    await Promise.all([onboard(a), onboard(b)])
    await createGroup(a, 'Tuesday circle', 'Alder', 'Facilitated')
    const code = await makeInvite(a)

    await b.getByRole('button', { name: 'Join a group with a code' }).click()
    await heading(b, 'Join a group')
    await b.getByLabel('Your name in this group').fill('Birch')
    await b.getByLabel('Invite code').fill(code)
    await b.getByRole('button', { name: 'Join the group' }).click()
    await heading(b, 'Tuesday circle')
    await writePost(b, 'Glad to be here.')

    // A member sees the group's removal rule in words, with nothing to change it.
    await section(b, 'Members')
    const ONE = 'One facilitator can remove a member on their own.'
    const TWO = 'Removing a member needs two facilitators: one asks, and it happens only when a second facilitator agrees.'
    await b.getByText(ONE).waitFor()
    const rule = 'A second facilitator must agree before anyone is removed'
    expect(await b.getByRole('checkbox', { name: rule }).count()).toBe(0)

    await section(a, 'Members')
    const table = a.getByRole('table', { name: 'Members of this group' })
    const birchRow = table.getByRole('row', { name: /^Birch/ })
    await birchRow.waitFor()
    await scanBoth(a, 'members with actions, badge choice and removal rule')

    // The facilitator turns the rule on; it is a group setting, so the member's screen follows,
    // and reading the group again (another section and back) shows it kept.
    const ruleBox = a.getByRole('checkbox', { name: rule })
    expect(await ruleBox.isChecked()).toBe(false)
    await ruleBox.check()
    await a.getByRole('button', { name: 'Save removal rule' }).click()
    await a.getByRole('status').filter({ hasText: `Saved. ${TWO}` }).waitFor()
    await scanBoth(a, 'members, removal rule saved')
    await b.getByText(TWO).waitFor({ timeout: 20_000 })
    await section(a, 'Conversations')
    await section(a, 'Members')
    expect(await a.getByRole('checkbox', { name: rule }).isChecked()).toBe(true)

    // In a facilitated group a new facilitator may carry a badge; both lists show it.
    await birchRow.getByRole('combobox', { name: 'Badge if made facilitator: Birch' }).selectOption('counsellor')
    await birchRow.getByRole('button', { name: 'Make facilitator: Birch' }).click()
    await expect.poll(() => birchRow.getByRole('cell').first().textContent()).toBe('Facilitator (counsellor)')
    const birchOwnRow = b.getByRole('table', { name: 'Members of this group' }).getByRole('row', { name: /^Birch \(you\)/ })
    await expect.poll(() => birchOwnRow.getByRole('cell').first().textContent(), { timeout: 20_000 }).toBe('Facilitator (counsellor)')
    // Now a facilitator herself, Birch gets the control, showing the rule as saved.
    expect(await b.getByRole('checkbox', { name: rule }).isChecked()).toBe(true)
    await birchRow.getByRole('button', { name: 'Make member: Birch' }).click()
    await expect.poll(() => birchRow.getByRole('cell').first().textContent()).toBe('Member')

    // Removal asks first, says what it means (and that a second facilitator must agree), and starts on the safe choice.
    await birchRow.getByRole('button', { name: 'Remove from group: Birch' }).click()
    const confirm = a.getByRole('group', { name: 'Remove Birch from Tuesday circle?' })
    await confirm.getByText('nothing written from now on will reach them').waitFor()
    await confirm.getByText('a second facilitator must agree: until one does, they stay a member').waitFor()
    expect((await focused(a)).name).toBe('Keep Birch')
    await scanBoth(a, 'members, removal confirmation')
    await a.keyboard.press('Enter')
    await confirm.waitFor({ state: 'detached' })
    expect((await focused(a)).name).toBe('Remove from group: Birch')

    // Now with the keyboard alone: open it again, move to the harmful choice, confirm. Alder is
    // the only facilitator, so the removal waits, and the row says so plainly.
    await a.keyboard.press('Enter')
    await tabTo(a, 'Remove Birch')
    await a.keyboard.press('Enter')
    await birchRow.getByRole('status').filter({ hasText: 'Not removed yet: this removal waits for a second facilitator to agree.' }).waitFor()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(async () => (await focused(a)).name).toBe('Remove from group: Birch')
    await scanBoth(a, 'members, removal waiting for a second facilitator')

    // With the rule off again, the same facilitator finishes the removal alone.
    await a.getByRole('checkbox', { name: rule }).uncheck()
    await a.getByRole('button', { name: 'Save removal rule' }).click()
    await a.getByRole('status').filter({ hasText: `Saved. ${ONE}` }).waitFor()
    await birchRow.getByRole('button', { name: 'Remove from group: Birch' }).click()
    await a.getByRole('group', { name: 'Remove Birch from Tuesday circle?' }).getByRole('button', { name: 'Remove Birch' }).click()
    await birchRow.waitFor({ state: 'detached' })
    expect(await table.getByRole('row').count()).toBe(2)
    // The row can go (a re-read) a moment before the call itself returns; then focus moves.
    await expect.poll(async () => (await focused(a)).name).toBe('Members')

    // Birch is told plainly, keeps what was there, and has no form to write with.
    await b.getByText('You are no longer a member of Tuesday circle.').waitFor({ timeout: 20_000 })
    await b.getByText('A facilitator removed you from this group.').waitFor()
    await section(b, 'Conversations')
    await b.getByText('Glad to be here.').waitFor()
    expect(await b.getByLabel('Your post').count()).toBe(0)
    await scanBoth(b, 'removed from a group')

    // Alder, now alone, leaves after a confirmation.
    await a.getByRole('button', { name: 'Leave group' }).click()
    const leave = a.getByRole('group', { name: 'Leave Tuesday circle?' })
    expect((await focused(a)).name).toBe('Stay in the group')
    await scanBoth(a, 'leave confirmation')
    await leave.getByRole('button', { name: 'Leave the group' }).click()
    await a.getByText('You are no longer a member of Tuesday circle.').waitFor()
    await a.getByText('You left this group.').waitFor()
    expect(await a.getByRole('button', { name: 'Leave group' }).count()).toBe(0)

    expectNoPageErrors(alder.errors)
    expectNoPageErrors(birch.errors)
  })
})
