/**
 * WebRTC in the app's screens (issue 16), in Debian Chromium through the web host on a loopback
 * testnet, by keyboard alone once the group is made (moving between screens too), axe clean in
 * the light and dark schemes.
 *
 * A facilitator names the group's WebRTC servers on the Members screen: a bad address is refused
 * in plain words and nothing is written; a signaling server (a real `hearth signal` server on
 * 127.0.0.1) and a TURN server with a user name and password are saved; the password is never
 * shown back, and saving again with the password field empty keeps it. The node follows: the
 * panel says which server this device uses.
 *
 * Then Settings: the transport for this device. "Direct connections only" takes the group off
 * WebRTC without a restart (its status loses the WebRTC server); "Both ways" puts it back.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignalServer } from '../../core/net/webrtc/signal-server.ts'
import { scanBoth } from './support/axe.ts'
import { callFromPage, createGroup, expectNoPageErrors, heading, onboard } from './support/flows.ts'
import { focused, tabTo } from './support/keyboard.ts'
import { usePeople } from './support/session.ts'

const people = usePeople()
let signal: SignalServer | null = null
beforeAll(async () => {
  signal = await SignalServer.listen()
})
afterAll(async () => {
  await signal?.close()
})

/** Presses Shift+Tab until the focused control's name starts with `name`. */
async function backTo(page: Page, name: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Shift+Tab')
    if ((await focused(page)).name.startsWith(name)) return
  }
  throw new Error(`Shift+Tab never reached "${name}"`)
}

async function webrtcStatus(page: Page, groupId: string): Promise<unknown> {
  const r = await callFromPage(page, 'groupStatus', { groupId })
  return r.ok ? (r.value.online ? r.value.webrtc ?? 'none' : 'offline') : r.error.code
}

describe('WebRTC in the app', () => {
  it('a facilitator names the group’s servers, and a member chooses the transport, by keyboard', async () => {
    if (!signal) throw new Error('no signaling server')
    const url = signal.url
    const { page, errors } = await people.person()
    await onboard(page)
    await createGroup(page, 'Evening circle', 'Alder')
    const groups = await callFromPage(page, 'listGroups', {})
    const groupId = groups.ok ? (groups.value[0]?.id as string) : ''

    await tabTo(page, 'Members', 80)
    await page.keyboard.press('Enter')
    const panel = page.getByRole('region', { name: 'WebRTC servers' })
    await panel.getByText('This group names no WebRTC server', { exact: false }).waitFor()

    // A bad address: refused in plain words, nothing written.
    await tabTo(page, 'Signaling servers, one per line', 120)
    await page.keyboard.type('http://signal.example.org')
    await tabTo(page, 'Save for the whole group')
    await page.keyboard.press('Enter')
    await panel.getByRole('alert').getByText('One of these is not something Hearth can use.', { exact: false }).waitFor()
    expect(await callFromPage(page, 'webrtcSetting', { groupId })).toMatchObject({ ok: true, value: { signal: [], ice: [], setBy: null } })

    // The right ones, with a TURN user name and password.
    await backTo(page, 'Signaling servers, one per line')
    await page.keyboard.press('Control+A')
    await page.keyboard.type(url)
    await tabTo(page, 'STUN and TURN servers, one per line')
    await page.keyboard.type('turn:127.0.0.1:3478?transport=tcp')
    await tabTo(page, 'TURN user name')
    await page.keyboard.type('circle')
    await tabTo(page, 'TURN password')
    await page.keyboard.type('not-shown-secret')
    await tabTo(page, 'Save for the whole group')
    await page.keyboard.press('Enter')
    await panel.getByRole('status').getByText('Saved. Every member’s device will follow this setting.').waitFor()
    await panel.getByText('turn:127.0.0.1:3478?transport=tcp (with a user name and password, not shown)').waitFor()
    await panel.getByText('Set by Alder on', { exact: false }).waitFor()
    // The node follows the group's setting at once, and the panel says so.
    await panel.getByText(`This device uses ${url}.`).waitFor({ timeout: 30_000 })
    const shown = await callFromPage(page, 'webrtcSetting', { groupId })
    expect(shown).toMatchObject({ ok: true, value: { signal: [url], ice: [{ url: 'turn:127.0.0.1:3478?transport=tcp', username: 'circle', hasCredential: true }] } })
    expect(JSON.stringify(shown)).not.toContain('not-shown-secret')
    expect(await page.content()).not.toContain('not-shown-secret')
    await scanBoth(page, 'members, WebRTC servers')

    // Saving again with the password left empty keeps the saved one (else the pair would be refused).
    expect((await focused(page)).name).toBe('Save for the whole group')
    await page.keyboard.press('Enter')
    await panel.getByRole('status').getByText('Saved.', { exact: false }).waitFor()
    expect(await callFromPage(page, 'webrtcSetting', { groupId })).toMatchObject({ ok: true, value: { ice: [{ username: 'circle', hasCredential: true }] } })
    await expect.poll(() => webrtcStatus(page, groupId), { timeout: 30_000 }).toMatchObject({ server: url, from: 'group' })

    // Settings: this device's transport.
    await backTo(page, 'Back to your groups', 120)
    await page.keyboard.press('Enter')
    await tabTo(page, 'Settings', 40)
    await page.keyboard.press('Enter')
    await heading(page, 'Settings')
    await expect.poll(() => page.getByRole('radio', { name: 'Both ways (recommended)' }).isChecked()).toBe(true)
    await tabTo(page, 'Both ways (recommended)', 80)
    await page.keyboard.press('ArrowDown')
    expect((await focused(page)).name).toBe('Direct connections only (Hyperswarm)')
    await tabTo(page, 'Use this choice')
    await page.keyboard.press('Enter')
    await page.getByRole('status').getByText('Saved. Your groups have reconnected this way.').waitFor()
    expect(await callFromPage(page, 'transport', {})).toEqual({ ok: true, value: { choice: 'hyperswarm', inForce: 'hyperswarm' } })
    // Without a restart: the group is online again, on Hyperswarm alone.
    await expect.poll(() => webrtcStatus(page, groupId), { timeout: 30_000 }).toBe('none')
    await scanBoth(page, 'settings, transport')

    await backTo(page, 'Direct connections only (Hyperswarm)')
    await page.keyboard.press('ArrowUp')
    await tabTo(page, 'Use this choice')
    await page.keyboard.press('Enter')
    await expect.poll(async () => callFromPage(page, 'transport', {})).toEqual({ ok: true, value: { choice: 'both', inForce: 'both' } })
    await expect.poll(() => webrtcStatus(page, groupId), { timeout: 30_000 }).toMatchObject({ server: url, from: 'group' })

    expectNoPageErrors(errors)
  })
})
