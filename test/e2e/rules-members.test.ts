/**
 * Ground rules and the member list, as the group's first facilitator sees them: writing the rules,
 * the acceptance core records for the writer, changing them to a new version, and the members
 * table with role, status, acceptance and presence.
 */
import { describe, expect, it } from 'vitest'
import { openPage } from './support/browser.ts'
import { callFromPage, createGroup, expectNoPageErrors, onboard, section, writePost } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

describe('ground rules and members', () => {
  it('a facilitator writes and changes the rules; core records each version as accepted; members show roles and status', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    await onboard(page)
    await createGroup(page, 'Weekend circle', 'Sky', 'Facilitated')
    expect(await page.getByText('Facilitated group · you are a facilitator').count()).toBe(1)

    await section(page, 'Ground rules')
    await page.getByRole('heading', { name: 'Ground rules' }).waitFor()
    expect(await page.getByText('This group has no ground rules yet.').count()).toBe(1)

    await page.getByRole('button', { name: 'Write the ground rules' }).click()
    await page.getByLabel("The group's ground rules").fill('1. What is shared here stays here.\n2. Speak from your own experience.')
    await page.getByRole('button', { name: 'Save the ground rules' }).click()
    await page.getByText('Version 1, written by Sky').waitFor()
    await page.getByText('What is shared here stays here.').waitFor()
    await page.getByText('You have accepted these ground rules.').waitFor()

    const info = await callFromPage(page, 'groupInfo', { groupId: await groupId(page) })
    expect(info.ok && info.value.rules?.acceptedByMe).toBe(true)
    expect(info.ok && info.value.mustAcceptRules).toBe(false)

    await page.getByRole('button', { name: 'Change the ground rules' }).click()
    const box = page.getByLabel("The group's ground rules")
    expect(await box.inputValue()).toContain('Speak from your own experience.')
    await box.fill('1. What is shared here stays here.\n2. Speak from your own experience.\n3. Take breaks when you need them.')
    await page.getByRole('button', { name: 'Save the ground rules' }).click()
    await page.getByText('Version 2, written by Sky').waitFor()
    await page.getByText('Take breaks when you need them.').waitFor()

    // Posting is open to someone who has accepted the current rules.
    await page.getByRole('button', { name: 'Conversations' }).click()
    await writePost(page, 'Rules are up, thank you all.')

    await page.getByRole('button', { name: 'Members' }).click()
    const table = page.getByRole('table', { name: 'Members of this group' })
    const row = table.getByRole('row', { name: /Sky \(you\)/ })
    await row.waitFor()
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Facilitator', 'Active', 'Accepted', 'You, on this device'])

    expectNoPageErrors(errors)
    await context.close()
  })
})

async function groupId(page: import('playwright-core').Page): Promise<string> {
  const r = await callFromPage(page, 'listGroups', {})
  if (!r.ok || !r.value[0]) throw new Error('no group')
  return r.value[0].id
}
