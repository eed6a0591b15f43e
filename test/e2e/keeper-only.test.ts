/**
 * Keeper-only mode in the app (issue 15), in Debian Chromium through the web host on a loopback
 * testnet. The Settings switch is on by default, is turned off and on again from the keyboard
 * (Space on a native switch), says what changed, and axe finds nothing. Then a facilitator gives
 * the group a keeper that does not run: with keeper-only on, the sync line says plainly that no
 * keeper is reachable instead of falling back to members; turned off, that state goes.
 */
import { describe, expect, it } from 'vitest'
import { encodeKeeperCode } from '../../core/keeper/keeper-code.ts'
import { randomBytes } from '../../core/crypto/random.ts'
import { expectAccessible } from './support/axe.ts'
import { callFromPage, createGroup, expectNoPageErrors, heading, onboard } from './support/flows.ts'
import { tabTo } from './support/keyboard.ts'
import { usePeople } from './support/session.ts'

const people = usePeople()

describe('keeper-only mode', () => {
  it('the Settings switch works by keyboard, and the sync line says when no keeper is reachable', async () => {
    // A person on the file's loopback testnet, so the group goes online.
    const { page, errors } = await people.person()
    await onboard(page)

    await page.getByRole('button', { name: 'Settings' }).click()
    await heading(page, 'Settings')
    const toggle = page.getByRole('switch', { name: 'Sync only through the group’s keeper' })
    await expect.poll(() => toggle.isChecked()).toBe(true)
    await expect.poll(() => toggle.isEnabled()).toBe(true)
    await tabTo(page, 'Sync only through the group’s keeper', 60)
    await page.keyboard.press('Space')
    await page.getByRole('status').getByText('Off. You connect to other members directly', { exact: false }).waitFor()
    expect(await callFromPage(page, 'keeperOnly', {})).toEqual({ ok: true, value: { on: false } })
    await page.keyboard.press('Space')
    await page.getByRole('status').getByText('On. In groups with a keeper', { exact: false }).waitFor()
    expect(await callFromPage(page, 'keeperOnly', {})).toEqual({ ok: true, value: { on: true } })
    await expectAccessible(page, 'settings, keeper-only switch')
    await page.getByRole('button', { name: 'Back to your groups' }).click()

    await createGroup(page, 'Weekend circle', 'Sky')
    const groups = await callFromPage(page, 'listGroups', {})
    const groupId = groups.ok ? (groups.value[0]?.id as string) : ''
    // A keeper nobody runs: governance names it, so keeper-only is in force and nothing reaches it.
    const code = encodeKeeperCode({ key: randomBytes(32), register: randomBytes(16) })
    expect((await callFromPage(page, 'addKeeper', { groupId, code })).ok).toBe(true)
    // Core first (the node's own view), then the line that shows it.
    await expect.poll(async () => {
      const r = await callFromPage(page, 'groupStatus', { groupId })
      return r.ok ? r.value : r
    }, { timeout: 30_000 }).toMatchObject({ online: true, keeper: { only: true, connected: false } })
    const line = page.getByRole('group', { name: 'Sync status' })
    await line.getByText('No keeper reachable.', { exact: false }).waitFor()
    await line.getByText('other members do not see your internet address', { exact: false }).waitFor()
    await expectAccessible(page, 'sync line, no keeper reachable')

    expect(await callFromPage(page, 'setKeeperOnly', { on: false })).toEqual({ ok: true, value: { on: false } })
    await expect.poll(async () => line.getByText('No keeper reachable.', { exact: false }).count(), { timeout: 10_000 }).toBe(0)

    expectNoPageErrors(errors)
  })
})
