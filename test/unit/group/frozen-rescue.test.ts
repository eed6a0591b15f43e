/**
 * What FrozenRescue (core/group/frozen-rescue.ts) takes, asks for and says about a frozen log,
 * against versions of one log a hostile writer signed (session 15 review of the rescue, F1, F1b,
 * F2, F3). Real Hypercores in real Corestores on temp folders, one key pair signing every version
 * (the writer, Mallory); evidence made and checked as fork-watch.ts makes it. Where a copy's state
 * is the point (frozen, a prefix held, no length heard), the copy is a PeerLog the test builds.
 */
import { describe, expect, it } from 'vitest'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { checkEvidence, freezes, makeEvidence, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { FirstSync } from '../../../core/group/first-sync.ts'
import { sharedRoots } from '../../../core/group/freeze-roots.ts'
import { FrozenRescue } from '../../../core/group/frozen-rescue.ts'
import { RANGE_MAX } from '../../../core/net/below-freeze.ts'
import type { HypercoreSession, ProofNode } from '../../../core/store/holepunch.ts'
import { peerLog, type PeerLog } from '../../../core/store/peer-log.ts'
import { encodeSignedState, readSignedState } from '../../../core/store/tree-proof.ts'
import { useCorestores } from '../../helpers/corestores.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { listFiles } from '../../helpers/canary.ts'

const store = useCorestores()
const tempDir = useTempDirs()

/** Mallory's key pair, and a version of her log holding `blocks`, signed by her. */
function writer(rnd: SeededRandom): (blocks: Uint8Array[]) => Promise<HypercoreSession> {
  const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
  return async (blocks) => {
    const core = store().get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
    await core.ready()
    for (const b of blocks) await core.append(b, { keyPair: kp })
    return core
  }
}

const keyOf = (c: HypercoreSession): string => Buffer.from(c.key as Uint8Array).toString('hex')
const signer = (c: HypercoreSession): Uint8Array => c.manifest?.signers[0]?.publicKey as Uint8Array
const pathOf = async (c: HypercoreSession, index: number, nodes: number): Promise<ProofNode[]> => (await c.proof({ block: { index, nodes } })).block?.nodes as ProofNode[]

/** Evidence of `a` against `b`, two trees at one length parting at `index`. */
async function evidence(a: HypercoreSession, b: HypercoreSession, index: number): Promise<ForkEvidence> {
  const ev = makeEvidence(keyOf(a), signer(a), index, await readSignedState(a, null), await readSignedState(b, null), encodeSignedState)
  expect(ev && checkEvidence(ev)).toBeTruthy()
  return ev as ForkEvidence
}

/** A rescue whose governance holds `reports` (and their freezes). */
const rescueOf = (reports: ForkEvidence[]): FrozenRescue => new FrozenRescue(tempDir(), { freezes: () => ({ frozen: freezes(reports), reports }), rescued: () => undefined })

/** A session as a frozen copy that holds its signed tree but none of its blocks. */
function frozenTreeOnly(c: HypercoreSession): PeerLog {
  const log = peerLog(c.key as Uint8Array, c, () => Promise.reject(new Error('closed')))
  return { key: log.key, length: log.length, frozen: true, get: async () => null, heldUntil: (from) => from, roots: () => log.roots?.() ?? Promise.resolve(null) }
}

/** Two versions of Mallory's log (`version`: her key), `length` blocks each, parting at the last one; the evidence of them frozen at `index`. */
async function twoMachines(version: (b: Uint8Array[]) => Promise<HypercoreSession>, rnd: SeededRandom, length = 6, index = 4, size = 40): Promise<{ A: Uint8Array[]; v1: HypercoreSession; key: string; ev: ForkEvidence }> {
  const A = Array.from({ length }, () => rnd.bytes(size))
  const v1 = await version(A)
  const v2 = await version([...A.slice(0, length - 1), rnd.bytes(size)])
  return { A, v1, key: keyOf(v1), ev: await evidence(v1, v2, index) }
}

describe('FrozenRescue, against versions a hostile writer signed', () => {
  it('a third version under a second piece of evidence is refused in either order; the honest holder serves when the evidence is not contested', async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    const version = writer(rnd)
    const { A, v1, key, ev: e1 } = await twoMachines(version, rnd) // what honest members hold
    const { A: C, v1: v3, ev: e2 } = await twoMachines(version, rnd) // a history no honest copy holds
    expect(freezes([e1, e2]).get(key), `seed ${seed}`).toBe(4)
    // Each alone shares node 3 (blocks 0..3); together they call two trees "shared" there: neither counts.
    expect(sharedRoots(key, [e1]).map((r) => r.index), `seed ${seed}`).toEqual([3])
    expect(sharedRoots(key, [e1, e2]), `seed ${seed}`).toEqual([])
    expect(sharedRoots(key, [e1, e1]).map((r) => r.index), `seed ${seed}`).toEqual([3])
    const third = await pathOf(v3, 0, 2)
    const honest = await pathOf(v1, 0, 2)
    for (const reports of [[e1, e2], [e2, e1]]) {
      const r = rescueOf(reports)
      r.attach(peerLog(v1.key as Uint8Array, v1, () => Promise.reject(new Error('closed'))))
      await r.refresh()
      expect(r.check(key, 0, C[0] as Uint8Array, third), `seed ${seed}`).toBe(false)
      expect(r.check(key, 0, A[0] as Uint8Array, honest), `seed ${seed}`).toBe(false) // contested: fail safe
      expect(await r.serve(key, 0, 4), `seed ${seed}`).toEqual([])
    }
    // Uncontested (one piece of evidence, or the same one twice), the honest holder serves blocks 0..3.
    for (const reports of [[e1], [e1, e1]]) {
      const r = rescueOf(reports)
      r.attach(peerLog(v1.key as Uint8Array, v1, () => Promise.reject(new Error('closed'))))
      await r.refresh()
      expect((await r.serve(key, 0, 4)).map((b) => Buffer.from(b.value).toString('hex')), `seed ${seed}`).toEqual(A.slice(0, 4).map((b) => Buffer.from(b).toString('hex')))
      expect(r.check(key, 0, C[0] as Uint8Array, third), `seed ${seed}`).toBe(false)
    }
  })

  it('a pair no honest copy holds: a copy with a signed tree over the block refuses it; a copy that can fetch never asks', async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    const version = writer(rnd)
    const v0 = await version(Array.from({ length: 10 }, () => rnd.bytes(40))) // what honest members hold
    const { A: C, v1, ev } = await twoMachines(version, rnd)
    const key = keyOf(v0)
    const forged = await pathOf(v1, 0, 2)
    // A newcomer whose copy froze holding V0's signed tree (length 10) and none of its blocks.
    const frozen = rescueOf([ev])
    frozen.attach(frozenTreeOnly(v0))
    await frozen.refresh()
    expect([...frozen.wanted()], `seed ${seed}`).toEqual([{ log: key, from: 0, end: 4 }])
    expect(frozen.check(key, 0, C[0] as Uint8Array, forged), `seed ${seed}`).toBe(false)
    // The same copy not frozen: Hypercore fetches V0 for it, checked against its tree; no rescue races that.
    const live = rescueOf([ev])
    live.attach({ ...frozenTreeOnly(v0), frozen: false })
    await live.refresh()
    expect([...live.wanted()], `seed ${seed}`).toEqual([])
  })

  it('a frozen copy holding a prefix: the blocks rescued after it count toward its length', async () => {
    const key = 'ab'.repeat(32)
    const rescue = new FrozenRescue(tempDir(), { freezes: () => ({ frozen: new Map([[key, 8]]), reports: [] }), rescued: () => undefined })
    const copy: PeerLog = { key, length: 3, frozen: true, get: async (i) => (i < 3 ? new Uint8Array([i]) : null), heldUntil: (from, end) => (from < 3 ? Math.min(3, end) : from) }
    const reader = rescue.attach(copy)
    await rescue.refresh()
    await rescue.take(key, [3, 4, 5, 6, 7].map((index) => ({ index, value: new Uint8Array([index]), path: [] })))
    expect([reader.length, reader.rescued, reader.heldUntil?.(0, 8)]).toEqual([8, 8, 8])
    expect((await reader.get(7)) && [...((await reader.get(7)) as Uint8Array)]).toEqual([7])
  })

  it('a newcomer whose copy heard no length: its first-sync target is the whole range below the freeze, not the first answer', async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    // 70 blocks: roots over 0..63, 64..67, 68..69; the versions part at block 69, so the freeze is at 68.
    const { A, key, ev } = await twoMachines(writer(rnd), rnd, 70, 68, 8)
    const freeze = freezes([ev]).get(key) as number
    expect(freeze, `seed ${seed}`).toBe(68)
    const rescue = rescueOf([ev])
    const reader = rescue.attach({ key, length: 0, get: async () => null, heldUntil: (from) => from })
    await rescue.refresh()
    const sync = new FirstSync()
    sync.begin('ee'.repeat(32))
    sync.see(key, reader.length) // group-reading.ts catchUp, before anything is rescued
    await rescue.take(key, Array.from({ length: RANGE_MAX }, (_, index) => ({ index, value: A[index] as Uint8Array, path: [] })))
    sync.see(key, reader.length) // the catch-up the first answer schedules
    expect(sync.waiting(() => RANGE_MAX, () => Math.min(reader.length, freeze)), `seed ${seed}`).toBe(true)
    await rescue.take(key, A.slice(RANGE_MAX, freeze).map((value, i) => ({ index: RANGE_MAX + i, value, path: [] })))
    expect(sync.waiting(() => freeze, () => Math.min(reader.length, freeze)), `seed ${seed}`).toBe(false)
  })

  it('how far a frozen copy holds the log is found from its bitfield, checked with one read, not a read per block', async () => {
    const key = 'ac'.repeat(32)
    let reads = 0
    const held = 1000
    const rescue = new FrozenRescue(tempDir(), { freezes: () => ({ frozen: new Map([[key, 1200]]), reports: [] }), rescued: () => undefined })
    const copy: PeerLog = {
      key,
      length: 1200,
      frozen: true,
      get: async (i) => (reads++, i < held ? new Uint8Array([1]) : null),
      heldUntil: (from, end) => Math.min(Math.max(from, held), end),
    }
    const reader = rescue.attach(copy)
    await rescue.refresh()
    expect(reader.rescued).toBe(held)
    expect(reads).toBeLessThanOrEqual(2)
  })

  it('tells the traffic clock of blocks served and blocks taken (not Hypercore traffic, so nothing else does)', async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    const { v1, key, ev } = await twoMachines(writer(rnd), rnd)
    const reports = [ev]
    let heard = 0
    const host = { freezes: () => ({ frozen: freezes(reports), reports }), rescued: () => undefined, traffic: () => void heard++ }
    const server = new FrozenRescue(tempDir(), host)
    server.attach(peerLog(v1.key as Uint8Array, v1, () => Promise.reject(new Error('closed'))))
    await server.refresh()
    const blocks = await server.serve(key, 0, 4)
    expect([blocks.length, heard], `seed ${seed}`).toEqual([4, 1])
    const newcomer = new FrozenRescue(tempDir(), host)
    newcomer.attach({ key, length: 0, get: async () => null, heldUntil: (from) => from })
    await newcomer.refresh()
    await newcomer.take(key, blocks)
    expect(heard, `seed ${seed}`).toBe(2)
  })
})

describe('FrozenRescue, second review (rv16)', () => {
  /** Mallory's log of six blocks on two machines, parting at block 5: the freeze at 4 (node 3 shared). */
  const sixBlocks = async (rnd: SeededRandom): Promise<Awaited<ReturnType<typeof twoMachines>> & { version: (b: Uint8Array[]) => Promise<HypercoreSession> }> => {
    const version = writer(rnd)
    return { version, ...(await twoMachines(version, rnd)) }
  }

  it('a copy that can fetch is read within its fork watch snapshot: only a copy that cannot reads past it (N4)', async () => {
    const seed = testSeed()
    const m = await sixBlocks(seededRandom(seed))
    const rescue = rescueOf([m.ev])
    const live = rescue.attach(peerLog(m.v1.key as Uint8Array, m.v1, () => Promise.reject(new Error('closed'))))
    await rescue.refresh()
    expect([live.length, live.rescued], `seed ${seed}`).toEqual([6, 0])
    const other = rescueOf([m.ev])
    const frozen = other.attach({ ...frozenTreeOnly(m.v1), get: async (i) => m.A[i] ?? null, heldUntil: (from, end) => Math.min(Math.max(from, 6), end) })
    await other.refresh()
    expect(frozen.rescued, `seed ${seed}`).toBe(4)
  })

  it('evidence that contests the range later leaves a newcomer waiting for it, not its target shortened (N6)', async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    const m = await sixBlocks(rnd)
    const { ev: contest } = await twoMachines(m.version, rnd)
    const reports = [m.ev]
    const rescue = new FrozenRescue(tempDir(), { freezes: () => ({ frozen: freezes(reports), reports }), rescued: () => undefined })
    const reader = rescue.attach({ key: m.key, length: 0, get: async () => null, heldUntil: (from) => from })
    await rescue.refresh()
    expect(reader.length, `seed ${seed}`).toBe(4)
    reports.push(contest)
    expect(sharedRoots(m.key, reports), `seed ${seed}`).toEqual([])
    expect([reader.length, [...rescue.wanted()]], `seed ${seed}`).toEqual([4, []])
  })

  it("refuses a block while its copy's own roots are unread, or were read at another length than the copy's now (T8)", async () => {
    const seed = testSeed()
    const m = await sixBlocks(seededRandom(seed))
    const path = await pathOf(m.v1, 0, 2)
    let length = 6
    const copy: PeerLog = { ...frozenTreeOnly(m.v1), get length() { return length } }
    const unread = rescueOf([m.ev])
    unread.attach(copy)
    expect(unread.check(m.key, 0, m.A[0] as Uint8Array, path), `seed ${seed}`).toBe(false)
    const read = rescueOf([m.ev])
    read.attach(copy)
    await read.refresh()
    expect(read.check(m.key, 0, m.A[0] as Uint8Array, path), `seed ${seed}`).toBe(true)
    length = 7
    expect(read.check(m.key, 0, m.A[0] as Uint8Array, path), `seed ${seed}`).toBe(false)
  })

  it("checks what is on disk against the copy's own signed tree on open: a pair no honest copy holds, taken before the copy had a tree, is set aside (T9)", async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    const version = writer(rnd)
    const v0 = await version(Array.from({ length: 10 }, () => rnd.bytes(40)))
    const { A: C, v1, ev } = await twoMachines(version, rnd)
    const key = keyOf(v0)
    const dir = tempDir()
    const host = { freezes: () => ({ frozen: freezes([ev]), reports: [ev] }), rescued: () => undefined }
    // Taken while the copy heard no length (a newcomer's; the writer rule keeps it from her, but
    // another member could have served it).
    const before = new FrozenRescue(dir, host)
    before.attach({ key, length: 0, get: async () => null, heldUntil: (from) => from })
    await before.refresh()
    const forged = await Promise.all([0, 1, 2, 3].map(async (index) => ({ index, value: C[index] as Uint8Array, path: await pathOf(v1, index, 2) })))
    expect(forged.every((b) => before.check(key, b.index, b.value, b.path)), `seed ${seed}`).toBe(true)
    await before.take(key, forged)
    // After a restart the copy holds V0's signed tree (frozen): the records no longer check.
    const damaged: string[] = []
    const after = new FrozenRescue(dir, { ...host, damaged: (_log, e) => void damaged.push(e.code) })
    const reader = after.attach(frozenTreeOnly(v0))
    await after.refresh()
    expect([damaged, await reader.get(0)], `seed ${seed}`).toEqual([['LOG_CORRUPT'], null])
  })

  it('asks for, keeps and serves nothing of a log this device does not follow: one no device speaks through, or its own (N9, N8)', async () => {
    const seed = testSeed()
    const m = await sixBlocks(seededRandom(seed))
    const dir = tempDir()
    const rescue = new FrozenRescue(dir, { freezes: () => ({ frozen: freezes([m.ev]), reports: [m.ev] }), rescued: () => undefined })
    await rescue.refresh()
    expect([...rescue.wanted()], `seed ${seed}`).toEqual([])
    // A log not looked at yet would be probed from `wanted` and asked for once known: nothing is.
    await Promise.all((rescue as unknown as { probing: Map<string, Promise<void>> }).probing.values())
    expect([[...rescue.wanted()], await rescue.serve(m.key, 0, 4), listFiles(dir)], `seed ${seed}`).toEqual([[], [], []])
  })

  it('a claim is released only by the connection holding it: a late answer after the wait frees no one else’s (N7)', () => {
    const rescue = rescueOf([])
    const [a, b, c] = [{}, {}, {}]
    const log = 'ad'.repeat(32)
    expect([rescue.claim(log, 0, a), rescue.claim(log, 0, b)]).toEqual([true, false])
    rescue.release(log, 0, a) // a's wait ran out: the range goes to the others
    expect(rescue.claim(log, 0, b)).toBe(true)
    rescue.release(log, 0, a) // a's late answer
    expect(rescue.claim(log, 0, c)).toBe(false)
    rescue.release(log, 0, b)
    expect(rescue.claim(log, 0, c)).toBe(true)
  })
})
