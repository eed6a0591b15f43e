/**
 * The group's keeper on the Members screen (issue 15), in Debian Chromium through the web host: a
 * facilitator pastes a keeper code with a typo and is told so (nothing written), pastes it right
 * and sees the keeper, then removes it after the confirm step, all from the keyboard; axe finds
 * nothing on the panel in either state. The keeper need not run: adding it is governance.
 */
import { describe, expect, it } from 'vitest'
import { encodeKeeperCode } from '../../core/keeper/keeper-code.ts'
import { randomBytes } from '../../core/crypto/random.ts'
import { openPage } from './support/browser.ts'
import { expectAccessible } from './support/axe.ts'
import { callFromPage, createGroup, expectNoPageErrors, onboard, section } from './support/flows.ts'
import { tabTo } from './support/keyboard.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

describe('the keeper panel', () => {
  it('a facilitator adds the group’s keeper by its code (a typo caught) and removes it, by keyboard', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    await onboard(page)
    await createGroup(page, 'Weekend circle', 'Sky')
    await section(page, 'Members')
    const panel = page.getByRole('region', { name: 'The group’s keeper' })
    await panel.getByText('This group has no keeper.').waitFor()

    const code = encodeKeeperCode({ key: randomBytes(32), register: randomBytes(16) })
    const typo = `${code.slice(0, 5)}${code[5] === 'A' ? 'B' : 'A'}${code.slice(6)}`
    await tabTo(page, 'The keeper’s code', 80)
    await page.keyboard.type(typo)
    await page.keyboard.press('Enter')
    await panel.getByRole('alert').getByText('That keeper code has a typo.', { exact: false }).waitFor()
    const groupId = (await callFromPage(page, 'listGroups', {})) as { ok: true; value: { id: string }[] }
    const gid = groupId.value[0]?.id as string
    expect(await callFromPage(page, 'keepers', { groupId: gid })).toEqual({ ok: true, value: [] })

    await panel.getByLabel('The keeper’s code').fill(code.toLowerCase())
    await tabTo(page, 'Add the keeper')
    await page.keyboard.press('Enter')
    await panel.getByRole('status').getByText('The keeper was added.').waitFor()
    await panel.getByText(code).waitFor()
    await panel.getByText('Added by Sky', { exact: false }).waitFor()
    await expectAccessible(page, 'keeper panel, with a keeper')

    await tabTo(page, 'Remove the keeper')
    await page.keyboard.press('Enter')
    // The confirm step puts focus on the safe choice; Tab on to the removal itself.
    await tabTo(page, 'Yes, remove it', 3)
    await page.keyboard.press('Enter')
    await panel.getByRole('status').getByText('The keeper was removed.').waitFor()
    await panel.getByText('This group has no keeper.').waitFor()
    const after = await callFromPage(page, 'keepers', { groupId: gid })
    expect(after.ok && after.value.map((k) => k.current)).toEqual([false])
    await expectAccessible(page, 'keeper panel, without a keeper')

    expectNoPageErrors(errors)
    await context.close()
  })
})
