/**
 * WebRTC as a transport of the group node (issue 16, second slice), one OS process per peer on
 * loopback: real profiles, real stores, a loopback testnet (for the members with Hyperswarm),
 * and the group's sync over node-datachannel through a signaling server. A newcomer on WebRTC
 * alone joins in the invite's WebRTC room (its `--signal` is the group's server: invite-join.ts).
 *
 *  - two members on WebRTC alone (`--transport webrtc`) sync posts both ways, through `hearth
 *    signal` and through y-webrtc's unmodified bin/server.js; status says each is over WebRTC;
 *  - a member on WebRTC alone and one on Hyperswarm alone sync through a third who has both;
 *  - a member who moved rooms at a removal's rotation, without a restart, is met there;
 *  - `hearth signal` killed and started again: both members reconnect to it and meet again;
 *  - two members' swarms on both transports end with one connection, over Hyperswarm, on each side;
 *  - the same two-member sync under a CPU hog on every core.
 */
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { describeUnderHog } from '../../helpers/under-hog.ts'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { startPeer, type Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { startTestnet, stopChild, type Testnet } from '../net/net-harness.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const BOTH_MEMBER = fileURLToPath(new URL('./both-member.child.ts', import.meta.url))
const Y_SERVER = fileURLToPath(new URL('../net/y-webrtc-server.child.ts', import.meta.url))
const PASS = 'correct horse battery staple'
/** Starting a node and argon2id on a loaded machine: not the claim of any test. */
const START_MS = 90_000
/** How long a post may take to show on the other side, as a hang guard only. */
const SYNC_MS = 90_000

const tempDir = useTempDirs()
let testnet: Testnet | null = null
const peers: Peer[] = []
const children: Child[] = []
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()))
  await Promise.all(children.splice(0).map((c) => stopChild(c)))
  await testnet?.destroy()
  testnet = null
})

type Env = Record<string, string>
const webrtc = (url: string): Env => ({ HEARTH_TRANSPORT: 'webrtc', HEARTH_SIGNAL: url })
const both = (url: string): Env => ({ HEARTH_TRANSPORT: 'both', HEARTH_SIGNAL: url })
const hyperswarm: Env = { HEARTH_TRANSPORT: 'hyperswarm' }

async function boot(): Promise<string> {
  testnet = await startTestnet()
  return `${testnet.bootstrap[0]?.host}:${testnet.bootstrap[0]?.port}`
}

/** A node in its own process; creates the profile `name`, or unlocks the one in `dir` when name is null. */
async function node(dir: string, bootstrap: string, env: Env, name: string | null): Promise<Peer> {
  const p = await startPeer(dir, bootstrap, env, { readyMs: START_MS })
  peers.push(p)
  if (name) await p.ok('createProfile', { passphrase: PASS, name }, START_MS)
  else await p.ok('unlock', { passphrase: PASS }, START_MS)
  return p
}

async function stop(p: Peer): Promise<void> {
  peers.splice(peers.indexOf(p), 1)
  await p.stop()
}

async function join(host: Peer, guest: Peer, groupId: string): Promise<void> {
  const invite = await host.ok('createInvite', { groupId })
  expect(await guest.ok('joinGroup', { code: invite.code, waitMs: 60_000 }, 70_000)).toEqual({ group: groupId, status: 'admitted' })
}

async function sees(p: Peer, groupId: string, text: string): Promise<void> {
  await p.until(async () => (await p.ok('feed', { groupId, limit: 100 })).posts.some((x) => x.text === text), SYNC_MS)
}

async function transportsOf(p: Peer, groupId: string): Promise<string[]> {
  return (await p.ok('groupStatus', { groupId })).peers.map((x) => `${x.name}:${x.transport}`).sort()
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** `hearth signal` in its own process; its address. */
async function hearthSignal(port = 0): Promise<{ url: string; child: Child }> {
  const child = spawnTs(HEARTH, ['signal', '--port', String(port), '--json'])
  children.push(child)
  const line = await child.waitForLine((l) => l.startsWith('{"signal"'), START_MS)
  return { url: (JSON.parse(line) as { signal: string }).signal, child }
}

async function yWebrtcSignal(): Promise<string> {
  const child = spawnTs(Y_SERVER, [])
  children.push(child)
  const line = await child.waitForLine((l) => l.startsWith('{"port"'), START_MS)
  return `ws://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`
}

/**
 * Two members on WebRTC alone: Birch joins Alder's group (Alder in the room first), and posts go
 * both ways; then `later` stops, the other posts, and `later` comes back second into the room.
 */
async function twoOnWebrtc(url: string, later: 'Alder' | 'Birch'): Promise<void> {
  const bootstrap = await boot()
  const dirs = { Alder: path.join(tempDir(), 'a'), Birch: path.join(tempDir(), 'b') }
  const a = await node(dirs.Alder, bootstrap, webrtc(url), 'Alder')
  const b = await node(dirs.Birch, bootstrap, webrtc(url), 'Birch')
  const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
  await a.ok('post', { groupId, text: 'from Alder' })
  await join(a, b, groupId)
  await sees(b, groupId, 'from Alder')
  await b.ok('post', { groupId, text: 'from Birch' })
  await sees(a, groupId, 'from Birch')
  expect(await transportsOf(a, groupId)).toEqual(['Birch:webrtc'])
  expect(await transportsOf(b, groupId)).toEqual(['Alder:webrtc'])
  const [gone, stays] = later === 'Alder' ? [a, b] : [b, a]
  await stop(gone)
  await stays.ok('post', { groupId, text: 'while you were away' })
  const back = await node(dirs[later], bootstrap, webrtc(url), null)
  await sees(back, groupId, 'while you were away')
}

/** Alder has both transports, Birch WebRTC alone, Cedar Hyperswarm alone: Birch and Cedar sync through Alder. */
async function throughAThird(url: string): Promise<void> {
  const bootstrap = await boot()
  const a = await node(path.join(tempDir(), 'a'), bootstrap, both(url), 'Alder')
  const b = await node(path.join(tempDir(), 'b'), bootstrap, webrtc(url), 'Birch')
  const c = await node(path.join(tempDir(), 'c'), bootstrap, hyperswarm, 'Cedar')
  const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
  await join(a, b, groupId)
  await join(a, c, groupId)
  await b.ok('post', { groupId, text: 'from Birch, over WebRTC' })
  await c.ok('post', { groupId, text: 'from Cedar, over Hyperswarm' })
  await sees(c, groupId, 'from Birch, over WebRTC')
  await sees(b, groupId, 'from Cedar, over Hyperswarm')
  // One connection per device, each on the only transport the two share.
  expect(await transportsOf(a, groupId)).toEqual(['Birch:webrtc', 'Cedar:hyperswarm'])
  expect(await transportsOf(b, groupId)).toEqual(['Alder:webrtc'])
  expect(await transportsOf(c, groupId)).toEqual(['Alder:hyperswarm'])
}

describe('WebRTC as a transport of the group node', () => {
  it.each(['Alder', 'Birch'] as const)('two members on WebRTC alone sync posts both ways, through hearth signal (%s back second)', async (later) => {
    await twoOnWebrtc((await hearthSignal()).url, later)
  })

  it("two members on WebRTC alone sync posts both ways, through y-webrtc's unmodified bin/server.js", async () => {
    await twoOnWebrtc(await yWebrtcSignal(), 'Alder')
  })

  it.each([
    ['hearth signal', async () => (await hearthSignal()).url],
    ["y-webrtc's unmodified bin/server.js", yWebrtcSignal],
  ] as const)('a member on WebRTC alone and one on Hyperswarm alone sync through a third who has both, through %s', async (_, server) => {
    await throughAThird(await server())
  })

  it('meets again after hearth signal is killed and started again on the same port', async () => {
    const port = await freePort()
    const first = await hearthSignal(port)
    const bootstrap = await boot()
    const dirB = path.join(tempDir(), 'b')
    const a = await node(path.join(tempDir(), 'a'), bootstrap, webrtc(first.url), 'Alder')
    let b = await node(dirB, bootstrap, webrtc(first.url), 'Birch')
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    await join(a, b, groupId)
    await b.ok('post', { groupId, text: 'before the drop' })
    await sees(a, groupId, 'before the drop')
    // The server dies without a word; Birch goes away too, and comes back while it is still down.
    first.child.proc.kill('SIGKILL')
    await first.child.exited
    children.splice(children.indexOf(first.child), 1)
    await stop(b)
    b = await node(dirB, bootstrap, webrtc(first.url), null)
    await b.ok('post', { groupId, text: 'while the server was down' })
    // Both nodes find the server once it is back (Alder's link dropped, Birch's never opened).
    await hearthSignal(port)
    await sees(a, groupId, 'while the server was down')
    expect(await transportsOf(a, groupId)).toEqual(['Birch:webrtc'])
  })

  it("moves a running member to the new epoch's room at a removal's rotation, where a member who read the rotation meets it", async () => {
    const { url } = await hearthSignal()
    const bootstrap = await boot()
    const dirB = path.join(tempDir(), 'b')
    const a = await node(path.join(tempDir(), 'a'), bootstrap, webrtc(url), 'Alder')
    let b = await node(dirB, bootstrap, webrtc(url), 'Birch')
    const c = await node(path.join(tempDir(), 'c'), bootstrap, webrtc(url), 'Cedar')
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    await join(a, b, groupId)
    await join(a, c, groupId)
    const cedar = (await c.ok('groupInfo', { groupId })).me
    // Alder removes Cedar, which rotates the epoch: Alder moves to the new room, still running.
    await a.ok('removeMember', { groupId, member: cedar })
    await a.ok('post', { groupId, text: 'after the rotation' })
    // Birch reads it over the connection it already had, so it holds the new epoch's key.
    await sees(b, groupId, 'after the rotation')
    // Birch starts again: it meets in the new epoch's room only, and Alder (never restarted) is there.
    await stop(b)
    b = await node(dirB, bootstrap, webrtc(url), null)
    await b.ok('post', { groupId, text: 'Birch, back in the new room' })
    await sees(a, groupId, 'Birch, back in the new room')
    // Cedar's connection ends once its removal is read on both sides.
    await a.until(async () => (await transportsOf(a, groupId)).join() === 'Birch:webrtc', SYNC_MS)
  })
})

describe('one connection per device across transports', () => {
  const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
  const seeds = [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)]
  const members = seeds.map((seed) => hex(identityFromSeed(seed).signPublicKey))
  /** The transports of a child's connections as it last printed them. */
  const lastPeers = (c: Child): string | undefined => c.lines.filter((l) => l.startsWith('{"peers"')).at(-1)
  async function until(ok: () => boolean): Promise<void> {
    const deadline = Date.now() + SYNC_MS // a hang guard only
    while (!ok()) {
      if (Date.now() > deadline) throw new Error('condition not met in time')
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  it('two members reachable both ways keep one connection each, over Hyperswarm, and close the WebRTC one', async () => {
    const { url } = await hearthSignal()
    const bootstrap = await boot()
    const common = { url, bootstrap, groupSecret: hex(new Uint8Array(32).fill(61)), epochKey: hex(new Uint8Array(32).fill(62)), groupId: hex(new Uint8Array(16).fill(63)), members }
    const swarms = seeds.map((seed) => spawnTs(BOTH_MEMBER, [JSON.stringify({ ...common, seed: hex(seed) })]))
    children.push(...swarms)
    await Promise.all(swarms.map((c) => c.waitForLine((l) => l === '{"ready":true}', START_MS)))
    // Both transports met: at least one side saw a second connection to the same device and
    // closed the WebRTC one (the other side may see it close before its own member-auth ends).
    await until(() => swarms.some((c) => c.lines.includes('{"duplicate":"webrtc"}')))
    await until(() => swarms.every((c) => lastPeers(c) === '{"peers":["hyperswarm"]}'))
    for (const c of swarms) expect(c.lines).not.toContain('{"duplicate":"hyperswarm"}')
  })
})

describeUnderHog('WebRTC as a transport of the group node, CPU hog on every core', () => {
  it('two members on WebRTC alone sync posts both ways, through hearth signal', async () => {
    await twoOnWebrtc((await hearthSignal()).url, 'Birch')
  })
})
