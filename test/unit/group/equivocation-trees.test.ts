/**
 * Two trees at one fork (equivocation.ts): a writer runs one log key on two machines and signs
 * two different trees without truncating. Real Hypercores in real Corestores on temp folders:
 * machine A and machine B share the key pair; a reader holding A's version meets B when B
 * appends once more, Hypercore emits `conflict`, and the fork watch turns it into evidence.
 * Then: the freeze index is the first block of the leftmost root that differs, every block
 * before it is the same in both versions, and forged evidence is refused with a coded error.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkEvidence, makeEvidence, treesPart, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { ForkWatch } from '../../../core/group/fork-watch.ts'
import { FreezeBook } from '../../../core/group/freeze-book.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { Corestore, type CorestoreInstance, type HypercoreSession, type KeyPair } from '../../../core/store/holepunch.ts'
import { decodeSignedState, encodeSignedState, readSignedStateAt, type SignedState } from '../../../core/store/tree-proof.ts'
import { link } from '../../helpers/corestores.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { LogStore, type PeerLog } from '../../../core/store/log-store.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { rewrittenLogs } from '../../../core/group/rewrite-view.ts'
import { govState, keysOf, texts } from '../governance/peers.ts'
import { readAll, twinMember } from './fork-support.ts'
import { hex, identity, idOf, MemLog } from './support.ts'

const tempDir = useTempDirs()
const stores: CorestoreInstance[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined)
})

interface Machines {
  kp: KeyPair
  key: string
  /** A fresh session on the reader's stored copy. */
  reopen: () => Promise<HypercoreSession>
  r: HypercoreSession
  a: HypercoreSession
  b: HypercoreSession
  /** What each machine wrote (B's sessions close too: the reader pushes its own tree to it). */
  blocksA: Uint8Array[]
  blocksB: Uint8Array[]
  /** What the fork watch reported from the reader's conflict event, once B appended past A. */
  evidence: ForkEvidence
}

/** The reader's side: a plain Corestore, unless the test gives Hearth's own log store. */
type Opener = (key: Uint8Array) => Promise<HypercoreSession>
function corestoreReader(): Opener {
  const sr = store()
  return async (key) => {
    const s = sr.get({ key })
    await s.ready()
    return s
  }
}

function store(): CorestoreInstance {
  const s = new Corestore(tempDir())
  stores.push(s)
  return s
}

/**
 * `shared` blocks written on both machines, then A writes `onlyA` blocks and B writes `onlyB`
 * other ones (B's last written after the reader meets B). The reader holds A's version whole
 * when it meets B; the fork watch (with a stand-in for the space that keeps what is reported)
 * reports the conflict.
 */
async function twoMachines(rnd: SeededRandom, shared: number, onlyA: number, onlyB: number, open: Opener = corestoreReader()): Promise<Machines> {
  const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
  const manifest = { version: 1 as const, signers: [{ publicKey: kp.publicKey }] }
  const [sa, sb] = [store(), store()]
  const a = sa.get({ manifest })
  const b = sb.get({ manifest })
  await a.ready()
  await b.ready()
  const blocksA: Uint8Array[] = []
  const blocksB: Uint8Array[] = []
  const write = async (core: HypercoreSession, to: Uint8Array[], block: Uint8Array): Promise<void> => {
    to.push(block)
    await core.append(block, { keyPair: kp })
  }
  for (let i = 0; i < shared; i++) {
    const block = rnd.bytes(40)
    await write(a, blocksA, block)
    await write(b, blocksB, block)
  }
  for (let i = 0; i < onlyA; i++) await write(a, blocksA, rnd.bytes(40))
  for (let i = 0; i < onlyB - 1; i++) await write(b, blocksB, rnd.bytes(40))
  const key = hex(a.key as Uint8Array)
  const reopen = (): Promise<HypercoreSession> => open(a.key as Uint8Array)
  const r = await reopen()
  link(r, a)
  await r.download({ start: 0, end: a.length }).done()
  expect(r.contiguousLength).toBe(a.length)
  const reported: ForkEvidence[] = []
  let heard: () => void = () => undefined
  const space = {
    next: new Map<string, number>(),
    reportFork: async (ev: ForkEvidence): Promise<boolean> => {
      reported.push(ev)
      heard()
      return true
    },
  }
  const watch = new ForkWatch(space as unknown as GroupSpace)
  await watch.watch(key, r, reopen)
  const got = new Promise<void>((ok) => (heard = ok))
  link(r, b)
  await write(b, blocksB, rnd.bytes(40))
  await got
  await watch.close()
  return { kp, key, reopen, r, a, b, blocksA, blocksB, evidence: reported[0] as ForkEvidence }
}

const b64 = (s: SignedState): string => Buffer.from(encodeSignedState(s)).toString('base64')
const state = (x: string): SignedState => decodeSignedState(Buffer.from(x, 'base64'))

describe('two signed trees at one fork', () => {
  it('become evidence from Hypercore\'s conflict, frozen at the first block of the leftmost root that differs', async () => {
    const rnd = seededRandom(testSeed())
    const m = await twoMachines(rnd, 5, 1, 2)
    const c = checkEvidence(m.evidence)
    expect(c).not.toBeNull()
    // Six blocks: roots 3 (blocks 0-3) and 9 (blocks 4-5); the sixth differs, so root 9 does.
    expect(m.evidence.index).toBe(4)
    const [a, b] = [state(m.evidence.a), state(m.evidence.b)]
    expect([a.fork, b.fork]).toEqual([0, 0])
    expect([a.length, b.length]).toEqual([6, 7])
    // The reader's side is at its own length, so it keeps version 1's form; B's is an upgrade from 6.
    expect([a.at ?? a.length, b.at]).toEqual([6, 6])
    // The reader's own side carries its block where they part, for the review; B's side cannot.
    expect(a.block?.index).toBe(4)
    expect(Buffer.from(a.block?.value ?? []).equals(Buffer.from(m.blocksA[4] as Uint8Array))).toBe(true)
    expect(b.block).toBeNull()
    // The reader's copy is frozen and closed by Hypercore, yet still reads from storage.
    expect(m.r.closed).toBe(true)
    const again = await m.reopen()
    expect(again.length).toBe(6)
    expect(await again.get(5, { wait: false })).not.toBeNull()
    await again.close()
  })

  it('freezes never past the first differing block, and every block before the freeze is the same in both', async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    for (let run = 0; run < 4; run++) {
      const shared = rnd.int(1, 20)
      const onlyA = rnd.int(1, 4)
      const m = await twoMachines(rnd, shared, onlyA, onlyA + 1)
      const index = checkEvidence(m.evidence)?.index
      expect(index, `seed ${seed} run ${run}`).toBeDefined()
      expect(index as number).toBeLessThanOrEqual(shared)
      for (let i = 0; i < (index as number); i++) {
        expect(Buffer.from(m.blocksA[i] as Uint8Array).equals(Buffer.from(m.blocksB[i] as Uint8Array))).toBe(true)
      }
    }
  })

  it('refuses forged evidence with a coded error', async () => {
    const rnd = seededRandom(testSeed())
    const m = await twoMachines(rnd, 5, 1, 2)
    const a = state(m.evidence.a)
    const alteredRoot = state(m.evidence.b)
    const root = alteredRoot.roots.at(-1) as { hash: Uint8Array }
    root.hash = Uint8Array.from(root.hash, (x, i) => (i === 0 ? x ^ 1 : x))
    const alteredExtra = state(m.evidence.b)
    const extra = alteredExtra.additional?.[0] as { hash: Uint8Array }
    extra.hash = Uint8Array.from(extra.hash, (x, i) => (i === 0 ? x ^ 1 : x))
    const other = fastProvider.signKeyPairFromSeed(rnd.bytes(32)).publicKey
    // A's own honest state at the same length: the same tree as the reader's.
    const sameTree = await readSignedStateAt(m.a, 6, 4)
    expect(treesPart(a, sameTree)).toBeNull()
    const refused: [string, ForkEvidence][] = [
      ['a root changed', { ...m.evidence, b: b64(alteredRoot) }],
      ['an additional node changed', { ...m.evidence, b: b64(alteredExtra) }],
      ['the signature of another key', { ...m.evidence, signer: hex(other) }],
      ['another log', { ...m.evidence, log: hex(other) }],
      ['equal trees', { ...m.evidence, b: b64(sameTree) }],
      ['the same state twice', { ...m.evidence, b: m.evidence.a }],
      ['a later index than where the roots part', { ...m.evidence, index: 5 }],
      ['an earlier index', { ...m.evidence, index: 3 }],
      ['a block elsewhere', { ...m.evidence, a: b64(await readSignedStateAt(m.r.closed ? await reopened(m) : m.r, 6, 5)) }],
      ['bytes cut', { ...m.evidence, b: m.evidence.b.slice(0, -8) }],
    ]
    for (const [what, ev] of refused) {
      expect(checkEvidence(ev), what).toBeNull()
      expect(() => new FreezeBook().report(ev, 'someone', 1, undefined), what).toThrow(expect.objectContaining({ code: 'CRYPTO_BAD_SIGNATURE' }))
    }
    // makeEvidence never writes what does not verify.
    expect(makeEvidence(m.key, m.kp.publicKey, 4, a, sameTree, encodeSignedState)).toBeNull()
    // The genuine one is recorded.
    const book = new FreezeBook()
    book.report(m.evidence, 'someone', 1, undefined)
    expect(book.reports).toHaveLength(1)
  })

  it('keeps version-1 bytes for a state at its own length, and reads them back', async () => {
    const rnd = seededRandom(testSeed())
    const m = await twoMachines(rnd, 3, 1, 2)
    const own = await reopened(m)
    const s = await readSignedStateAt(own, own.length, 1)
    expect(encodeSignedState(s)[0]).toBe(1)
    const back = decodeSignedState(encodeSignedState(s))
    expect(back.at).toBeUndefined()
    expect(encodeSignedState(state(m.evidence.b))[0]).toBe(2)
    await own.close()
  })
})

describe('Hearth\'s log store after Hypercore\'s conflict', () => {
  it('keeps reading the member log from its stored copy, and every new session of it', async () => {
    const rnd = seededRandom(testSeed())
    const logs = await LogStore.open(path.join(tempDir(), 'reader'), rnd.bytes(32))
    try {
      let member: PeerLog | null = null
      const m = await twoMachines(rnd, 5, 1, 2, async (key) => {
        member ??= await logs.openPeerLog(key)
        return logs.replicationSession(key)
      })
      expect(checkEvidence(m.evidence)?.index).toBe(4)
      const log = member as unknown as PeerLog
      expect(log.length).toBe(6)
      for (let i = 0; i < 6; i++) expect(Buffer.from((await log.get(i)) as Uint8Array).equals(Buffer.from(m.blocksA[i] as Uint8Array))).toBe(true)
    } finally {
      await logs.close()
    }
  })

  it('says the length it holds while Hypercore closes the log and it is opened again, and reads wait for it', async () => {
    // A rebuild (or a newcomer's first sight) reading the length in that gap took a closing
    // session's 0 for the log: the rebuilt feed lost every post of the log below the freeze, and
    // nothing read it again (a frozen copy no longer replicates, so no append comes to say so).
    const rnd = seededRandom(testSeed())
    const logs = await LogStore.open(path.join(tempDir(), 'reader'), rnd.bytes(32))
    try {
      let member: PeerLog | null = null
      const seen: { at: string; length: number; byteLength: number | undefined; block: Promise<Uint8Array | null> }[] = []
      const look = (at: string): void => {
        const log = member as unknown as PeerLog
        seen.push({ at, length: log.length, byteLength: log.byteLength, block: log.get(5) })
      }
      let sessions = 0
      await twoMachines(rnd, 5, 1, 2, async (key) => {
        member ??= await logs.openPeerLog(key)
        const s = await logs.replicationSession(key)
        // Every moment Hypercore's conflict gives a hand to: the conflict itself, each session's close.
        const n = ++sessions
        s.on('conflict', () => look(`conflict on session ${n}`))
        s.once('close', () => look(`close of session ${n}`))
        return s
      })
      look('after')
      // The replication session and the fork watch's first reopened one, at least.
      expect(seen.filter((x) => x.at.startsWith('close')).length).toBeGreaterThanOrEqual(1)
      for (const x of seen) {
        expect([x.at, x.length, x.byteLength]).toEqual([x.at, 6, (member as unknown as PeerLog).byteLength])
        expect(await x.block, x.at).not.toBeNull()
      }
    } finally {
      await logs.close()
    }
  })
})

describe('one history when one log key runs on two machines', () => {
  it('a reader of either version ends with the same feed and governance once the evidence arrives, in either order', async () => {
    const rnd = seededRandom(testSeed())
    const { alder, groupId, kp, coreA, coreB, logA, onA, onB, say } = await twinMember(rnd, store)
    await say(onA, 'words on machine A')
    await say(onB, 'words on machine B')
    await say(onB, 'more on machine B')
    // What the fork watch reports from Hypercore's conflict: A's state beside B's upgrade from 0 to A's length.
    const at = coreA.length
    const index = treesPart(await readSignedStateAt(coreA, at, null), await readSignedStateAt(coreB, at, null)) as number
    const evidence = makeEvidence(logA.key, kp.publicKey, index, await readSignedStateAt(coreA, at, index), await readSignedStateAt(coreB, at, null), encodeSignedState) as ForkEvidence
    expect(checkEvidence(evidence)?.index).toBe(index)
    const alderBefore = alder.log.blocks.length
    expect(await alder.space.reportFork(evidence)).toBe(true)
    // The review: machine A's words as the reporter held them; machine B's block is not carried (never "taken back").
    const review = rewrittenLogs(alder.space)
    expect(review.map((r) => [r.memberName, r.index])).toEqual([['Mallory', index]])
    expect(review[0]?.versions.map((v) => [v.fork, v.length, v.block?.texts, v.block?.notCarried])).toEqual([[0, 3, ['words on machine A'], undefined], [0, 4, [], true]])

    const [versionA, versionB] = [await readAll(coreA), await readAll(coreB)]
    const observe = async (version: Uint8Array[], evidenceFirst: boolean, withEvidence = true): Promise<{ texts: string[]; gov: unknown; frozen: unknown }> => {
      const id = identity(rnd)
      const space = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: id, epochs: keysOf(alder), current: alder.space.currentEpoch }, { groupId })
      const alderCopy = new MemLog(alder.log.key)
      alderCopy.blocks.push(...alder.log.blocks.slice(0, withEvidence ? undefined : alderBefore))
      const mallory = new MemLog(logA.key)
      mallory.blocks.push(...version)
      for (const log of evidenceFirst ? [alderCopy, mallory] : [mallory, alderCopy]) await space.catchUp(log)
      const peer = { name: 'observer', space, log: new MemLog(''), id, me: idOf(id) }
      return { texts: texts(peer), gov: govState(peer), frozen: [...space.governance.frozen] }
    }
    // Without the evidence the two readers never agree: that is what the handling is for.
    const [plainA, plainB] = [await observe(versionA, false, false), await observe(versionB, false, false)]
    expect(plainA.texts).toContain('words on machine A')
    expect(plainB.texts).toContain('words on machine B')
    const seen = [await observe(versionA, true), await observe(versionA, false), await observe(versionB, true), await observe(versionB, false)]
    // One block a post here: roots 1 (blocks 0-1) and 4 (block 2) at length 3; block 2 is where they part.
    expect(index).toBe(2)
    expect(seen[0]?.texts).toEqual(['before the split', 'still shared'])
    for (const r of seen) {
      expect(r.texts).toEqual(seen[0]?.texts)
      expect(r.gov).toEqual(seen[0]?.gov)
      expect(r.frozen).toEqual([[logA.key, index]])
      expect(r.texts).not.toContain('words on machine A')
      expect(r.texts).not.toContain('words on machine B')
    }
  })
})

async function reopened(m: Machines): Promise<HypercoreSession> {
  return m.reopen()
}
