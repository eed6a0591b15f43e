/**
 * A newcomer's copy of a member log frozen before it holds the blocks below the freeze gets them
 * through Hearth (core/net/below-freeze.ts), not Hypercore. docs/decisions.md, "twin-equal's one
 * CI failure: a newcomer whose copy of a twin log froze early waits for ever… (session 14, twin)"
 * for the defect, "Blocks below a freeze reach a newcomer… (session 15, rescue)" for the fix.
 *
 * Mallory signs two versions of her log at one length 3 (two machines, blocks 0..1 shared, block 2
 * differs). Alder holds version A whole, Birch version B whole, each in its own real Corestore on a
 * temp folder. The newcomer Cedar first learns the length from one of them (an upgrade, no block),
 * then asks the other for block 2: the block does not verify against the tree Cedar holds, Hypercore
 * asks for the other side's tree, finds two signed trees at one length, freezes Cedar's copy and
 * sends Cedar's tree to that peer, which freezes its own. Cedar holds no block of the log.
 *
 * Through Hypercore Cedar still never gets block 0: a frozen core makes no requests, and a frozen
 * peer drops every answer that carries a block (hypercore 11.37 lib/replicator.js, `isActive`).
 * The governance evidence of the two versions (equivocation.ts, the two trees at length 3) freezes
 * the log at 2; the below-freeze exchange, over a real Noise stream, carries blocks 0..1 each with
 * its path to the root both signed trees carry alike, from either honest peer (frozen or not), and
 * from Cedar, once rescued, to a later newcomer. One level up, a GroupSpace newcomer in its first
 * sync reads the rescued blocks through its log and its history arrives.
 *
 * The waits for a block through Hypercore are bounded by Hypercore's own request timeout
 * (BLOCK_WAIT): over an in-memory stream a held block comes in milliseconds, so the bound only ends
 * a wait that nothing would ever end. The exchange's waits are on its own `rescued` events.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { freezes, makeEvidence, treesPart, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { ForkWatch } from '../../../core/group/fork-watch.ts'
import { FrozenRescue, freezesOf } from '../../../core/group/frozen-rescue.ts'
import { liftFreeze } from '../../../core/group/rewrite-view.ts'
import { openBelowFreeze } from '../../../core/net/below-freeze.ts'
import type { NoiseStream } from '../../../core/net/holepunch-net.ts'
import { encodeSignedState, readSignedStateAt } from '../../../core/store/tree-proof.ts'
import type { PeerLog } from '../../../core/store/peer-log.ts'
import { listFiles, scanForCanaries } from '../../helpers/canary.ts'
import { noisePair } from '../net/noise-pair.ts'
import type { HypercoreSession, KeyPair } from '../../../core/store/holepunch.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { peerLog } from '../../../core/store/peer-log.ts'
import { link } from '../../helpers/corestores.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { founder, keysOf, now } from '../governance/peers.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { twinSpaces } from './fork-support.ts'
import { useTwinCores } from './twin-cores.ts'
import { admitEvent, hex, identity, idOf, MemLog } from './support.ts'

const BLOCK_WAIT = 5_000
/** A reader who has read nothing yet (readerFeed's read marks). */
const nobody = { read: (): null => null }

// Stores close after each test (twin-cores.ts); streams and fork watches close first (hooks run
// in reverse order), since a frozen copy may still hold a session then.
const { store } = useTwinCores()
const tempDir = useTempDirs()
const streams: NoiseStream[] = []
const watches: ForkWatch[] = []
afterEach(async () => {
  for (const s of streams.splice(0)) s.destroy()
  for (const w of watches.splice(0)) await w.close()
})

/** Hypercore's session as far as this test looks into it: the frozen flag of the stored copy. */
type Inner = HypercoreSession & {
  core: { header: { frozen: boolean } }
  get(index: number, opts: { timeout: number }): Promise<Uint8Array>
}
const inner = (s: HypercoreSession): Inner => s as Inner
const frozen = (s: HypercoreSession): boolean => inner(s).core.header.frozen

/** A node holding (or not) one log in its own Corestore; `open()` gives a fresh session on it. */
interface Node {
  name: string
  open(): Promise<HypercoreSession>
}
function node(name: string, key: Uint8Array): Node {
  const s = store()
  return {
    name,
    open: async () => {
      const c = s.get({ key })
      await c.ready()
      return c
    },
  }
}

/** Block `index` from peers, or the error that ended the bounded wait (REQUEST_TIMEOUT today). */
async function fetchBlock(s: HypercoreSession, index: number): Promise<Uint8Array | Error> {
  return inner(s).get(index, { timeout: BLOCK_WAIT }).catch((e: unknown) => e as Error)
}

/** Resolves at the session's next `append` (an upgrade from a peer is one). */
const grown = (s: HypercoreSession): Promise<void> =>
  new Promise((ok) => {
    const on = (): void => {
      s.off('append', on)
      ok()
    }
    s.on('append', on)
  })

const conflicted = (s: HypercoreSession): Promise<number> => new Promise((ok) => s.on('conflict', (length) => ok(length)))

type Order = { first: 'Alder' | 'Birch'; then: 'Alder' | 'Birch' }

interface Scene {
  seed: number
  block0: Uint8Array
  /** Fresh sessions on each node's stored copy (Hypercore closes every session at a conflict). */
  alder: Node
  birch: Node
  cedar: Node
  /** The honest peer Cedar met second (whose copy froze with Cedar's) and the one it met first. */
  metFirst: Node
  metThen: Node
  key: Uint8Array
  /** Each version's length (one length: the two versions part at its last block). */
  length: number
}

/** Writes the two versions on machines A and B (one key pair); returns block 0. */
type Write = (a: HypercoreSession, b: HypercoreSession, kp: KeyPair, rnd: SeededRandom) => Promise<Uint8Array>

/** Two shared random blocks, then one block each: length 3. */
const randomBlocks: Write = async (a, b, kp, rnd) => {
  const block0 = rnd.bytes(40)
  for (const block of [block0, rnd.bytes(40)]) {
    await a.append(block, { keyPair: kp })
    await b.append(block, { keyPair: kp })
  }
  await a.append(Buffer.from('words on machine A'), { keyPair: kp })
  await b.append(Buffer.from('words on machine B'), { keyPair: kp })
  return block0
}

/** Mallory's two versions at one length, held whole by Alder (A) and Birch (B); her machines gone. */
async function twoVersions(write: Write = randomBlocks): Promise<Pick<Scene, 'seed' | 'block0' | 'alder' | 'birch' | 'cedar' | 'key' | 'length'>> {
  const seed = testSeed()
  const rnd = seededRandom(seed)
  const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
  const manifest = { version: 1 as const, signers: [{ publicKey: kp.publicKey }] }
  const [a, b] = [store().get({ manifest }), store().get({ manifest })]
  await a.ready()
  await b.ready()
  const block0 = await write(a, b, kp, rnd)
  const key = a.key as Uint8Array
  const length = a.length
  expect(b.length, `seed ${seed}`).toBe(length)

  // Alder holds version A whole, Birch version B; Mallory's machines then leave.
  const alder = node('Alder', key)
  const birch = node('Birch', key)
  for (const [n, machine] of [[alder, a], [birch, b]] as const) {
    const s = await n.open()
    const cut = link(s, machine)
    await s.download({ start: 0, end: length }).done()
    cut()
    await s.close()
  }
  await a.close()
  await b.close()
  return { seed, block0, alder, birch, cedar: node('Cedar', key), key, length }
}

/**
 * Cedar learns the length from `first` without a block, then asks `then` for the last block (where
 * the versions part): both Cedar's copy and `then`'s freeze, Cedar holding no block. Every step
 * waits on a Hypercore event.
 */
async function frozenEarly(order: Order, write?: Write): Promise<Scene> {
  const { seed, block0, alder, birch, cedar, key, length } = await twoVersions(write)
  const metFirst = order.first === 'Alder' ? alder : birch
  const metThen = order.then === 'Alder' ? alder : birch

  // Cedar learns the length from the first peer: an upgrade, no block.
  const c = await cedar.open()
  const first = await metFirst.open()
  const grew = grown(c)
  const cutFirst = link(c, first)
  await grew
  cutFirst()
  expect([c.length, c.contiguousLength], `seed ${seed}`).toEqual([length, 0])

  // Then it meets the other version: the last block does not verify, and the two trees meet.
  const then = await metThen.open()
  const cedarConflict = conflicted(c)
  const thenConflict = conflicted(then)
  link(c, then)
  const asked = fetchBlock(c, length - 1)
  expect(await cedarConflict, `seed ${seed}`).toBe(length)
  expect(await thenConflict, `seed ${seed}`).toBe(length)
  expect(await asked, `seed ${seed}`).toBeInstanceOf(Error)
  await first.close()
  return { seed, block0, alder, birch, cedar, metFirst, metThen, key, length }
}

/** Cedar's copy, opened again and linked to both honest peers at once. */
async function cedarMeetsBoth(s: Scene): Promise<{ c: HypercoreSession; honest: HypercoreSession[] }> {
  const c = await s.cedar.open()
  const honest = [await s.alder.open(), await s.birch.open()]
  for (const h of honest) link(c, h)
  return { c, honest }
}

/** The governance evidence of the two versions, as fork-watch.ts makes it at a conflict: both trees at the length. */
async function evidenceOf(s: Pick<Scene, 'alder' | 'birch' | 'key' | 'length' | 'seed'>): Promise<ForkEvidence> {
  const [a, b] = [await s.alder.open(), await s.birch.open()]
  const signer = a.manifest?.signers[0]?.publicKey as Uint8Array
  const [sa, sb] = [await readSignedStateAt(a, s.length, null), await readSignedStateAt(b, s.length, null)]
  const ev = makeEvidence(hex(s.key), signer, treesPart(sa, sb) as number, sa, sb, encodeSignedState)
  await a.close()
  await b.close()
  expect(ev, `seed ${s.seed}`).not.toBeNull()
  return ev as ForkEvidence
}

/** One node's side of the below-freeze exchange, its rescue store on a temp folder of its own. */
interface Rescuer {
  dir: string
  rescue: FrozenRescue
  /** The log as its space reads it (rescued blocks below the freeze included). */
  log: PeerLog
  /** Resolves once nothing below the freeze is lacking here. */
  done: Promise<void>
}

type Gov = () => { frozen: ReadonlyMap<string, number>; reports: readonly (ForkEvidence & { member?: string | undefined })[] }
/** Governance holding `ev` alone; the log speaks for Mallory, whom no test side is. */
const byEvidence = (ev: ForkEvidence): Gov => () => ({ frozen: freezes([ev]), reports: [{ ...ev, member: 'mallory' }] })

async function rescuer(n: Node, key: Uint8Array, gov: Gov, rescued?: () => void): Promise<Rescuer> {
  const dir = tempDir()
  let finish = (): void => undefined
  const done = new Promise<void>((ok) => (finish = ok))
  const lacking = (): boolean => [...rescue.wanted()].length > 0
  const rescue: FrozenRescue = new FrozenRescue(dir, {
    freezes: gov,
    rescued: () => {
      rescued?.()
      if (!lacking()) finish()
    },
  })
  const first = await n.open()
  const log = rescue.attach(peerLog(key, first, () => n.open()))
  await rescue.refresh()
  if (!lacking()) finish()
  return { dir, rescue, log, done }
}

/** Two nodes' exchanges joined by a real Noise stream in memory. */
function meet(x: Rescuer, y: Rescuer): void {
  const [a, b] = noisePair()
  streams.push(a, b)
  openBelowFreeze(a, x.rescue, { remote: 'member' })
  openBelowFreeze(b, y.rescue, { remote: 'member' })
}

/** Blocks [0, end) as a reader gives them, hex. */
async function blocksOf(log: PeerLog, end: number): Promise<(string | null)[]> {
  const out: (string | null)[] = []
  for (let i = 0; i < end; i++) {
    const b = await log.get(i)
    out.push(b ? Buffer.from(b).toString('hex') : null)
  }
  return out
}

const orders: Order[] = [
  { first: 'Alder', then: 'Birch' },
  { first: 'Birch', then: 'Alder' },
]

describe('a newcomer whose copy of a twin log froze before it held a block', () => {
  it.each(orders)('(length from $first, then $then) gets no block through Hypercore, and every block below the freeze from either honest peer through Hearth', { timeout: 60_000 }, async (order) => {
    const s = await frozenEarly(order)
    const { c, honest } = await cedarMeetsBoth(s)
    expect(frozen(c), `seed ${s.seed}`).toBe(true)
    expect([c.length, c.contiguousLength], `seed ${s.seed}`).toEqual([s.length, 0])
    // The peer Cedar met second froze with it; the one it met first did not (Cedar sent its own
    // tree, which is that peer's), and still Cedar, frozen, asks neither through Hypercore.
    const byName = new Map([['Alder', honest[0]], ['Birch', honest[1]]])
    expect(frozen(byName.get(s.metThen.name) as HypercoreSession), `seed ${s.seed}`).toBe(true)
    expect(frozen(byName.get(s.metFirst.name) as HypercoreSession), `seed ${s.seed}`).toBe(false)
    for (const h of honest) expect(await h.get(0, { wait: false }), `seed ${s.seed}`).not.toBeNull()
    const got = await fetchBlock(c, 0)
    expect((got as Error & { code?: string }).code, `seed ${s.seed}`).toBe('REQUEST_TIMEOUT')
    for (const h of honest) await h.close()
    await c.close()

    // Governance freezes the log at 2 (the two trees part at block 2's root). From each honest
    // peer alone, the frozen one and the other, Cedar gets blocks 0..1 and nothing at the freeze.
    const ev = await evidenceOf(s)
    expect(ev.index, `seed ${s.seed}`).toBe(2)
    const held = await blocksOf((await rescuer(s.alder, s.key, byEvidence(ev))).log, 2)
    for (const from of [s.metThen, s.metFirst]) {
      const cedar = await rescuer(s.cedar, s.key, byEvidence(ev))
      meet(cedar, await rescuer(from, s.key, byEvidence(ev)))
      await cedar.done
      expect(await blocksOf(cedar.log, 3), `seed ${s.seed} from ${from.name}`).toEqual([...held, null])
      expect(cedar.log.heldUntil?.(0, 3), `seed ${s.seed}`).toBe(2)
      expect(held[0], `seed ${s.seed}`).toBe(Buffer.from(s.block0).toString('hex'))
    }
  })

  it('(one level up) a GroupSpace newcomer in its first sync, reading its frozen copy, arrives once the blocks below the freeze are rescued', { timeout: 60_000 }, async () => {
    const grnd = seededRandom(testSeed() + 1)
    const alder = await founder(grnd, 'Alder')
    const groupId = alder.space.groupId as string
    // Mallory's posts, sealed in her log on both machines as in fork-reopen.test.ts: two shared
    // blocks, then one post on each machine.
    const write: Write = async (a, b, kp) => {
      const twin = await twinSpaces(grnd, alder, a, b, kp)
      await twin.say(twin.onA, 'words on machine A')
      await twin.say(twin.onB, 'words on machine B')
      return (await a.get(0, { wait: false })) as Uint8Array
    }
    const s = await frozenEarly(orders[0] as Order, write)
    expect(s.length, `seed ${s.seed}`).toBe(3)
    const mkey = hex(s.key)

    // Alder's device writes the evidence of the two versions (as its fork watch would): frozen at 2.
    const ev = await evidenceOf(s)
    expect(await alder.space.reportFork(ev), `seed ${s.seed}`).toBe(true)
    const gov = (space: GroupSpace): Gov => () => freezesOf(space.governance)

    /** A newcomer Alder admits: its space in its first sync, its own log and Alder's read. */
    const admitted = async (): Promise<{ id: ReturnType<typeof identity>; space: GroupSpace }> => {
      const id = identity(grnd)
      const own = new MemLog(hex(grnd.bytes(32)))
      await alder.space.writeGovernance(admitEvent(groupId, alder.me, id, own.key))
      const space = new GroupSpace(own, { identity: id, epochs: keysOf(alder), current: alder.space.currentEpoch }, { groupId })
      space.beginFirstSync(space.own.key)
      await space.catchUp(space.own)
      await space.catchUp(alder.log)
      return { id, space }
    }

    // Cedar is admitted, starts its first sync and reads Alder's log and its copy of Mallory's.
    const { id: cid, space: n } = await admitted()
    expect(n.governance.frozen.get(mkey), `seed ${s.seed}`).toBe(2)
    const { c, honest } = await cedarMeetsBoth(s)
    expect(((await fetchBlock(c, 0)) as Error & { code?: string }).code, `seed ${s.seed}`).toBe('REQUEST_TIMEOUT')
    for (const h of [c, ...honest]) await h.close()
    const cedar = await rescuer(s.cedar, s.key, gov(n))
    await n.catchUp(cedar.log)
    // Nothing of Mallory's log is held yet: the history is arriving, the page a preview.
    expect(n.next.get(mkey) ?? 0, `seed ${s.seed}`).toBe(0)
    expect([n.firstSync, n.arriving], `seed ${s.seed}`).toEqual([true, true])
    expect(readerFeed(n, nobody, { limit: 20 }), `seed ${s.seed}`).toEqual({ posts: [], next: null, preview: true })

    // The exchange with Alder's device brings blocks 0..1; read through the same log, the first
    // sync completes and Mallory's posts below the split show, neither version's last one.
    meet(cedar, await rescuer(s.alder, s.key, gov(alder.space)))
    await cedar.done
    await n.catchUp(cedar.log)
    expect(n.next.get(mkey), `seed ${s.seed}`).toBe(2)
    expect([n.firstSync, n.arriving], `seed ${s.seed}`).toEqual([false, false])
    const texts = readerFeed(n, nobody, { limit: 20 }).posts.map((p) => p.text)
    expect(texts, `seed ${s.seed}`).toEqual(expect.arrayContaining(['before the split', 'still shared']))
    expect(texts.some((t) => t.includes('machine')), `seed ${s.seed}`).toBe(false)

    // The rescue store holds the blocks as sealed: the canary scan finds none of the words.
    const files = listFiles(cedar.dir)
    expect(files.length, `seed ${s.seed}`).toBe(1)
    expect(readFileSync(files[0] as string).length, `seed ${s.seed}`).toBeGreaterThan(100)
    expect(scanForCanaries([cedar.dir], ['before the split', 'still shared']), `seed ${s.seed}`).toEqual([])

    // Dana joins later; her copy of Mallory's log never even heard its length (no replication at
    // all, as after a conflict closed the peers' sessions). Served by Cedar alone, frozen and
    // rescued, her first sync ends the same way.
    const cedarId = idOf(cid)
    await n.change(memberDocId(cedarId), (doc) => void new MemberDoc(doc, cedarId).addPost({ topic: 'story', text: 'hello from Cedar', cw: null }, now()))
    const { space: d } = await admitted()
    await d.catchUp(n.own)
    const danaNode = node('Dana', s.key)
    const dana = await rescuer(danaNode, s.key, gov(d))
    // Read as group-online reads a followed log: through the fork watch's snapshot (of length 0).
    const watch = new ForkWatch(d)
    watches.push(watch)
    await watch.watch(mkey, await danaNode.open())
    expect(await watch.beforeRead(mkey), `seed ${s.seed}`).toBe(true)
    // Her copy heard no length, but the evidence's shared roots prove the log reaches the freeze:
    // that is its length (and so her first-sync target) before a block is here; read, it waits.
    expect([dana.log.length, watch.bounded(dana.log).length], `seed ${s.seed}`).toEqual([2, 2])
    await d.catchUp(watch.bounded(dana.log))
    expect(d.next.get(mkey) ?? 0, `seed ${s.seed}`).toBe(0)
    expect([d.firstSync, d.arriving], `seed ${s.seed}`).toEqual([true, true])
    meet(dana, cedar)
    await dana.done
    expect(await watch.beforeRead(mkey), `seed ${s.seed}`).toBe(true)
    expect([dana.log.length, watch.bounded(dana.log).length], `seed ${s.seed}`).toEqual([2, 2])
    await d.catchUp(watch.bounded(dana.log))
    expect(d.next.get(mkey), `seed ${s.seed}`).toBe(2)
    expect([d.firstSync, d.arriving], `seed ${s.seed}`).toEqual([false, false])
    expect(readerFeed(d, nobody, { limit: 20 }).posts.map((p) => p.text), `seed ${s.seed}`).toEqual(expect.arrayContaining(['before the split', 'still shared']))

    // A facilitator lifts the freeze. Below the range the lift leaves silent the blocks still speak,
    // and Dana's copy, frozen by Hypercore, still cannot fetch them: after a restart they are read
    // from her rescue store as before (review F7: before, nothing opened the store once unfrozen).
    const rescued = await blocksOf(dana.log, 2)
    await liftFreeze(alder.space, mkey)
    await d.catchUp(alder.log)
    expect([d.governance.frozen.has(mkey), d.governance.freezes.gaps.get(mkey)?.[0]?.[0]], `seed ${s.seed}`).toEqual([false, 2])
    const restarted = new FrozenRescue(dana.dir, { freezes: gov(d), rescued: () => undefined })
    const again = restarted.attach(peerLog(s.key, await danaNode.open(), () => danaNode.open()))
    await restarted.refresh()
    expect([again.length, await blocksOf(again, 3)], `seed ${s.seed}`).toEqual([2, [...rescued, null]])
    expect(rescued.every((b) => b !== null), `seed ${s.seed}`).toBe(true)
  })

  it('(control) a newcomer whose copy never met both versions gets block 0 within the same wait', { timeout: 60_000 }, async () => {
    const s = await twoVersions()
    const { c } = await cedarMeetsBoth({ ...s, metFirst: s.alder, metThen: s.birch })
    const got = await fetchBlock(c, 0)
    expect(got instanceof Error ? got.message : Buffer.from(got).toString('hex'), `seed ${s.seed}`).toBe(Buffer.from(s.block0).toString('hex'))
    expect(frozen(c), `seed ${s.seed}`).toBe(false)
  })

  it('(length from Alder, then Birch) gets block 0 and every block below the freeze, and so does a later newcomer linked only to frozen copies', { timeout: 60_000 }, async () => {
    const s = await frozenEarly(orders[0] as Order)
    const ev = await evidenceOf(s)
    const cedar = await rescuer(s.cedar, s.key, byEvidence(ev))
    meet(cedar, await rescuer(s.alder, s.key, byEvidence(ev)))
    await cedar.done
    const [block0, block1] = await blocksOf(cedar.log, 2)
    expect(block0, `seed ${s.seed}`).toBe(Buffer.from(s.block0).toString('hex'))
    expect(block1, `seed ${s.seed}`).not.toBeNull()

    // Dana, later, reaches only frozen copies: Birch's (frozen with Cedar) and Cedar's (frozen,
    // rescued). Through Hypercore she gets the length and no block; through Hearth, from each.
    const danaNode = node('Dana', s.key)
    const dana = await danaNode.open()
    const frozenPeer = await s.birch.open()
    expect(frozen(frozenPeer), `seed ${s.seed}`).toBe(true)
    const grew = grown(dana)
    link(dana, frozenPeer)
    await grew
    expect([dana.length, dana.contiguousLength], `seed ${s.seed}`).toEqual([s.length, 0])
    await dana.close()
    await frozenPeer.close()
    for (const from of [s.birch, s.cedar]) {
      const fresh = node('Dana', s.key)
      const d = await rescuer(fresh, s.key, byEvidence(ev))
      // Cedar serves from its rescue store: a rescuer on Cedar's node with its own folder would hold nothing, so Cedar's own is used.
      meet(d, from === s.cedar ? cedar : await rescuer(from, s.key, byEvidence(ev)))
      await d.done
      expect(await blocksOf(d.log, 3), `seed ${s.seed} from ${from.name}`).toEqual([block0, block1, null])
    }
  })
})
