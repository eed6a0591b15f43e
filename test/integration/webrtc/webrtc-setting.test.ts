/**
 * Where the group meets over WebRTC as a group setting (issue 16), one OS process per node on
 * loopback: a keeper running `hearth signal`'s server beside it (`keeper serve --signal`), a
 * second `hearth signal`, and two members on WebRTC alone who are given no `--signal` at all.
 *
 *  - nothing is used by default: no server in the setting, no WebRTC in status;
 *  - a facilitator names the keeper's signaling; the newcomer learns it from the welcome
 *    (join.ts v3), and posts go both ways over WebRTC;
 *  - a member's change is refused (NOT_ALLOWED), and the setting stays;
 *  - the facilitator names the second server: both running members move to it without a
 *    restart, and the newcomer still reads what follows; with the keeper (and its server) gone, a member started again meets through it.
 * Both start orders, and once under a CPU hog on every core.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { describeUnderHog } from '../../helpers/under-hog.ts'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { startPeer, type Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { startKeeper, type KeeperProcess } from '../keeper/keeper-process.ts'
import { startTestnet, stopChild, type Testnet } from '../net/net-harness.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const PASS = 'correct horse battery staple'
/** Starting a node and argon2id on a loaded machine: not the claim of any test. */
const START_MS = 90_000
/** How long a post or a move may take to show, as a hang guard only. */
const SYNC_MS = 90_000
/** WebRTC alone, and no server of this device's own: only the group's setting can name one. */
const WEBRTC_ONLY = { HEARTH_TRANSPORT: 'webrtc' }

const tempDir = useTempDirs()
let testnet: Testnet | null = null
let keeper: KeeperProcess | null = null
const peers: Peer[] = []
const children: Child[] = []
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()))
  await Promise.all(children.splice(0).map((c) => stopChild(c)))
  await keeper?.stop().catch(() => undefined)
  keeper = null
  await testnet?.destroy()
  testnet = null
})

async function node(dir: string, bootstrap: string, name: string | null): Promise<Peer> {
  const p = await startPeer(dir, bootstrap, WEBRTC_ONLY, { readyMs: START_MS })
  peers.push(p)
  if (name) await p.ok('createProfile', { passphrase: PASS, name }, START_MS)
  else await p.ok('unlock', { passphrase: PASS }, START_MS)
  return p
}

async function hearthSignal(): Promise<string> {
  const child = spawnTs(HEARTH, ['signal', '--port', '0', '--json'])
  children.push(child)
  const line = await child.waitForLine((l) => l.startsWith('{"signal"'), START_MS)
  return (JSON.parse(line) as { signal: string }).signal
}

async function sees(p: Peer, groupId: string, text: string): Promise<void> {
  await p.until(async () => (await p.ok('feed', { groupId, limit: 100 })).posts.some((x) => x.text === text), SYNC_MS)
}

async function meetsThrough(p: Peer, groupId: string, server: string): Promise<void> {
  await p.until(async () => {
    const w = (await p.ok('groupStatus', { groupId })).webrtc
    return w?.server === server && w.from === 'group' && w.signaling
  }, SYNC_MS)
}

async function scenario(first: 'Alder' | 'Birch'): Promise<void> {
  const bootstrap = `${(testnet = await startTestnet()).bootstrap[0]?.host}:${testnet.bootstrap[0]?.port}`
  keeper = await startKeeper(path.join(tempDir(), 'k'), bootstrap, ['--signal', '0'])
  const atKeeper = keeper.signal
  expect(atKeeper).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
  if (!atKeeper) return
  const elsewhere = await hearthSignal()
  const dirs = { Alder: path.join(tempDir(), 'a'), Birch: path.join(tempDir(), 'b') }
  const started = first === 'Alder'
    ? [await node(dirs.Alder, bootstrap, 'Alder'), await node(dirs.Birch, bootstrap, 'Birch')]
    : [await node(dirs.Birch, bootstrap, 'Birch'), await node(dirs.Alder, bootstrap, 'Alder')].reverse()
  const a = started[0] as Peer
  let b = started[1] as Peer
  const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })

  // No server is used unless a facilitator names it.
  expect(await a.ok('webrtcSetting', { groupId })).toEqual({ signal: [], ice: [], setBy: null, setAt: null, using: null })
  expect((await a.ok('groupStatus', { groupId })).webrtc).toBeUndefined()

  expect(await a.ok('setWebrtc', { groupId, signal: [atKeeper], ice: [] })).toMatchObject({ signal: [atKeeper], setBy: { name: 'Alder' }, using: { server: atKeeper, from: 'group' } })
  await a.ok('post', { groupId, text: 'from Alder' })
  const invite = await a.ok('createInvite', { groupId })
  // On WebRTC alone the newcomer is given the group's signaling address with the code (invite-join.ts).
  expect(await b.ok('joinGroup', { code: invite.code, waitMs: 60_000, signal: atKeeper }, 70_000)).toEqual({ group: groupId, status: 'admitted' })
  await sees(b, groupId, 'from Alder')
  await b.ok('post', { groupId, text: 'from Birch' })
  await sees(a, groupId, 'from Birch')
  expect((await a.ok('groupStatus', { groupId })).peers.map((p) => p.transport)).toEqual(['webrtc'])
  await meetsThrough(b, groupId, atKeeper)

  // A member may not choose the group's servers; nothing changes.
  const refused = await b.call('setWebrtc', { groupId, signal: [elsewhere], ice: [] })
  expect(refused.ok ? null : refused.error.code).toBe('NOT_ALLOWED')
  expect((await b.ok('webrtcSetting', { groupId })).signal).toEqual([atKeeper])

  // The facilitator names another server: both running members move to it.
  await a.ok('setWebrtc', { groupId, signal: [elsewhere], ice: [] })
  await meetsThrough(a, groupId, elsewhere)
  await meetsThrough(b, groupId, elsewhere)
  // Birch joined in this run, so its keys came from the welcome; moving must leave them whole
  // (a wiped view of its epoch key once zeroed the key itself: core/crypto/wipe.ts copyBytes).
  await a.ok('post', { groupId, text: 'after the move' })
  await sees(b, groupId, 'after the move')
  // The keeper and its server go; Birch starts again and can only meet Alder through the new one.
  await keeper.stop()
  keeper = null
  peers.splice(peers.indexOf(b), 1)
  await b.stop()
  // node() lists the new process for afterEach to stop, once.
  b = await node(dirs.Birch, bootstrap, null)
  await b.ok('post', { groupId, text: 'Birch, through the new server' })
  await sees(a, groupId, 'Birch, through the new server')
  await meetsThrough(b, groupId, elsewhere)
}

describe('the signaling server as a group setting', () => {
  it.each(['Alder', 'Birch'] as const)('members on WebRTC alone meet through the server the group names, and move when it changes (%s starts first)', async (first) => {
    await scenario(first)
  })
})

describeUnderHog('the signaling server as a group setting, CPU hog on every core', () => {
  it('members on WebRTC alone meet through the server the group names, and move when it changes', async () => {
    await scenario('Birch')
  })
})
