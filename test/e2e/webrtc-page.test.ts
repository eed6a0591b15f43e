/**
 * WebRTC in the app's way (issue 16, "Where it runs"): the node makes no WebRTC connection of its
 * own; the page's RTCPeerConnection (Debian's Chromium) does, and relays the node's ciphertext
 * (renderer/lib/rtc-relay.ts, core/net/webrtc/page-peers.ts).
 *
 * Two people, each their own web host process and profile and their own browser context (so no
 * BroadcastChannel or shared state between them), with Hyperswarm off for the group
 * (`--transport webrtc`) and one `hearth signal` server on 127.0.0.1. The join itself runs in
 * the invite's WebRTC room (core/net/webrtc/invite-meet.ts: on `--transport webrtc` no DHT at all),
 * so it too travels over the pages' data channels, as does every post after it. Chromium gets `--allow-loopback-in-peer-connection` and
 * camera and microphone permission (without it, Chromium hides host candidates behind mDNS
 * names); the nodes keep ICE to 127.0.0.1 (page-peers.ts drops candidates on other addresses).
 * Quietly, and again under a CPU hog on both cores.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SignalServer } from '../../core/net/webrtc/signal-server.ts'
import { describeUnderHog } from '../helpers/under-hog.ts'
import { launch, openPage } from './support/browser.ts'
import { callFromPage, createGroup, expectNoPageErrors, joinWithCode, makeInvite, onboard, postWith, section, writePost } from './support/flows.ts'
import { startHost, type Host } from './support/host.ts'
import { startTestnet, type Testnet } from './support/testnet.ts'

const WEBRTC_FLAGS = ['--allow-loopback-in-peer-connection']
/** A hang guard for a post to show on the other side, not a claim. */
const SYNC_MS = 60_000

let browser: Browser | null = null
let testnet: Testnet | null = null
let signal: SignalServer | null = null
const hosts: Host[] = []
beforeAll(async () => {
  ;[browser, testnet, signal] = await Promise.all([launch(WEBRTC_FLAGS), startTestnet(), SignalServer.listen()])
})
afterAll(async () => {
  await browser?.close()
  await testnet?.destroy()
  await signal?.close()
})
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
})

/** `ownSignal` false: the host is given no signaling server; the person types it into the join form. */
async function person(ownSignal = true): Promise<{ page: Page; errors: string[] }> {
  if (!browser || !testnet || !signal) throw new Error('not started')
  const host = await startHost({ bootstrap: testnet.bootstrap, args: ['--transport', 'webrtc', ...(ownSignal ? ['--signal', signal.url] : [])] })
  hosts.push(host)
  return openPage(browser, host.url, { permissions: ['camera', 'microphone'] })
}

async function peerTransports(page: Page): Promise<string[]> {
  const groups = await callFromPage(page, 'listGroups', {})
  if (!groups.ok || !groups.value[0]) return []
  const status = await callFromPage(page, 'groupStatus', { groupId: groups.value[0].id })
  return status.ok ? status.value.peers.map((p) => p.transport ?? 'unknown') : []
}

/** Alder makes the group and invites Birch; then each posts and sees the other's post. */
async function meetOverPages(typed = false): Promise<void> {
  const [alder, birch] = await Promise.all([person(), person(!typed)])
  const [a, b] = [alder.page, birch.page]
  await Promise.all([onboard(a), onboard(b)])
  // What each page relays, counted from its own `window.hearth`: proof the bytes went through the page.
  await Promise.all([a, b].map((p) => p.evaluate(() => {
    const g = globalThis as unknown as { __frames: number; __notBytes: number; hearth: { on(e: string, h: (m: { kind: string; frame?: unknown }) => void): void } }
    g.__frames = 0
    g.__notBytes = 0
    g.hearth.on('rtc', (m) => {
      if (m.kind !== 'send') return
      g.__frames++
      if (!(m.frame instanceof Uint8Array)) g.__notBytes++
    })
  })))
  await createGroup(a, 'Evening circle', 'Alder')
  const code = await makeInvite(a)
  if (typed && signal) {
    // Given beside the code: the address Birch's own node does not know, typed into the join form.
    await b.getByRole('button', { name: 'Join a group with a code' }).click()
    await b.getByLabel('Your name in this group').fill('Birch')
    await b.getByLabel('Invite code').fill(code)
    await b.getByLabel('Connection address (only if you were given one)').fill(signal.url)
    await b.getByRole('button', { name: 'Join the group' }).click()
  } else await joinWithCode(b, code, 'Birch')
  // Admitted in the invite's WebRTC room, the group itself then arrives over WebRTC.
  await b.getByRole('heading', { level: 1, name: 'Evening circle' }).waitFor({ timeout: SYNC_MS })

  await a.getByText('Connected now: Birch.').waitFor({ timeout: SYNC_MS })
  expect(await peerTransports(a)).toEqual(['webrtc'])
  expect(await peerTransports(b)).toEqual(['webrtc'])
  // The Members screen says how Birch is reached (issue 16: status names each peer's transport).
  await section(a, 'Members')
  await a.getByRole('row', { name: /^Birch/ }).getByRole('cell', { name: 'Connected now, through WebRTC' }).waitFor({ timeout: SYNC_MS })

  await section(a, 'Conversations')
  await writePost(a, 'Alder says the kettle is on')
  await postWith(b, 'Alder says the kettle is on').waitFor({ timeout: SYNC_MS })
  await writePost(b, 'Birch brought the biscuits')
  await postWith(a, 'Birch brought the biscuits').waitFor({ timeout: SYNC_MS })

  for (const p of [a, b]) {
    const seen = await p.evaluate(() => {
      const g = globalThis as unknown as { __frames: number; __notBytes: number }
      return { frames: g.__frames, notBytes: g.__notBytes }
    })
    expect(seen.frames).toBeGreaterThan(0)
    expect(seen.notBytes).toBe(0)
  }
  expectNoPageErrors(alder.errors)
  expectNoPageErrors(birch.errors)
}

describe('WebRTC made by the page', () => {
  it('two people with Hyperswarm off see each other’s posts over their pages’ data channels', { timeout: 240_000 }, () => meetOverPages())
  it('the newcomer, whose node knows no signaling server, types the address given with the code into the join form', { timeout: 240_000 }, () => meetOverPages(true))
})

describeUnderHog('WebRTC made by the page, CPU hog on every core', () => {
  it('the same, with both cores busy', { timeout: 300_000 }, () => meetOverPages())
})
