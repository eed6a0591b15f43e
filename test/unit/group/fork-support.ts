/**
 * A member who rewrites its own device log, for the one-history tests: its log is a real
 * Hypercore in a real Corestore on a temp folder, which it truncates and writes again; the
 * evidence is read from a snapshot of the first version and from the log now, exactly as
 * core/group/fork-watch.ts reads it.
 */
import { afterEach, expect } from 'vitest'
import { GroupSpace, type AppendLog } from '../../../core/group/group-space.ts'
import { makeEvidence, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { Corestore, type CorestoreInstance, type HypercoreSession, type KeyPair } from '../../../core/store/holepunch.ts'
import { decodeSignedState, encodeSignedState, readSignedState, type SignedState } from '../../../core/store/tree-proof.ts'
import type { SeededRandom } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { founder, keysOf, now, type Peer } from '../governance/peers.ts'
import { hex, identity, idOf } from './support.ts'

/** A member's device log as a real Hypercore: what a hostile node truncates. */
export class CoreLog implements AppendLog {
  constructor(readonly core: HypercoreSession, private readonly kp: KeyPair) {}
  get key(): string {
    return hex(this.core.key as Uint8Array)
  }
  get length(): number {
    return this.core.length
  }
  get(i: number): Promise<Uint8Array | null> {
    return this.core.get(i, { wait: false })
  }
  async append(block: Uint8Array): Promise<number> {
    return (await this.core.append(block, { keyPair: this.kp })).length - 1
  }
  truncate(length: number): Promise<void> {
    return (this.core as unknown as { truncate(n: number, o: { keyPair: KeyPair }): Promise<void> }).truncate(length, { keyPair: this.kp })
  }
}

export async function readAll(core: HypercoreSession): Promise<Uint8Array[]> {
  const out: Uint8Array[] = []
  for (let i = 0; i < core.length; i++) out.push((await core.get(i, { wait: false })) as Uint8Array)
  return out
}

export interface Forked {
  alder: Peer
  mallory: { space: GroupSpace; log: CoreLog; me: string; kp: KeyPair }
  index: number
  first: Uint8Array[]
  second: Uint8Array[]
  a: SignedState
  b: SignedState
  evidence: ForkEvidence
}

export const postText = (text: string) => async (m: GroupSpace, me: string): Promise<void> => {
  await m.change(memberDocId(me), (d) => void new MemberDoc(d, me).addPost({ topic: 'story', text, cw: null }, now()))
}

/** Mallory's log rewritten again at `index`: `write` appends the new version; returns the evidence. */
export async function rewriteAt(m: Forked['mallory'], index: number, write: () => Promise<void>): Promise<{ evidence: ForkEvidence; first: Uint8Array[] }> {
  const snap = m.log.core.snapshot()
  await snap.ready()
  const first = await readAll(snap)
  await m.log.truncate(index)
  await write()
  const a = await readSignedState(snap, index)
  const b = await readSignedState(m.log.core, index < m.log.length ? index : null)
  await snap.close()
  const evidence = makeEvidence(m.log.key, m.kp.publicKey, index, a, b, encodeSignedState) as ForkEvidence
  expect(evidence).not.toBeNull()
  return { evidence, first }
}

/** Registers the temp folders and stores; returns `forkedGroup`. Call at a test file's top level. */
export function useForkFixtures(): { forkedGroup: typeof forkedGroup } {
  const tempDir = useTempDirs()
  const stores: CorestoreInstance[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close()
  })

  async function hostileLog(rnd: SeededRandom): Promise<{ log: CoreLog; kp: KeyPair }> {
    const store = new Corestore(tempDir())
    stores.push(store)
    const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
    const core = store.get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
    await core.ready()
    return { log: new CoreLog(core, kp), kp }
  }

  /**
   * Alder founds the group (with `settings`) and admits Mallory (with `role`) through a real
   * Hypercore log. Mallory writes something honest (then `prelude`, if given), then `before` at
   * index i; then truncates to i and writes `after`.
   */
  async function forkedGroup(
    rnd: SeededRandom, role: 'member' | 'facilitator', before: (m: GroupSpace, me: string) => Promise<void>, after: (m: GroupSpace, me: string) => Promise<void>,
    settings: Parameters<typeof founder>[2] = {},
    prelude?: (m: GroupSpace, me: string, log: CoreLog) => Promise<void>,
  ): Promise<Forked> {
    const alder = await founder(rnd, 'Alder', settings)
    const { log, kp } = await hostileLog(rnd)
    const mid = identity(rnd)
    const groupId = alder.space.groupId as string
    await alder.space.writeGovernance({
      v: 1, kind: 'member.admit', group: groupId, author: alder.me, at: now(), seen: alder.space.seen(),
      body: { member: { id: idOf(mid), boxKey: hex(mid.boxPublicKey), device: log.key, pseudonym: 'Mallory' }, role, epochs: alder.space.heldEpochs() },
    })
    const space = new GroupSpace(log, { identity: mid, epochs: keysOf(alder), current: alder.space.currentEpoch }, { groupId })
    const me = idOf(mid)
    await space.catchUp(alder.log)
    await space.change(memberDocId(me), (d) => void new MemberDoc(d, me).addPost({ topic: 'story', text: 'mallory before the fork', cw: null }, now()))
    await prelude?.(space, me, log)
    const index = log.length
    await before(space, me)
    const mallory = { space, log, me, kp }
    const snapFirst = log.core.snapshot()
    await snapFirst.ready()
    const firstBlocks = await readAll(snapFirst)
    await snapFirst.close()
    const { evidence } = await rewriteAt(mallory, index, () => after(space, me))
    const second = await readAll(log.core)
    const [a, b] = [evidence.a, evidence.b].map((x) => decodeSignedState(Buffer.from(x, 'base64'))) as [SignedState, SignedState]
    return { alder, mallory, index, first: firstBlocks, second, a, b, evidence }
  }
  return { forkedGroup }
}

/**
 * Alder's group with Mallory admitted on one key pair run on two machines: machine A writes two
 * posts, machine B starts as a copy of A's log (its own Corestore), and each has its own space.
 * The one-history tests then let each machine go its own way (`say`).
 */
export async function twinMember(rnd: SeededRandom, store: () => CorestoreInstance): Promise<{
  alder: Peer; groupId: string; kp: KeyPair; coreA: HypercoreSession; coreB: HypercoreSession
} & TwinSpaces> {
  const alder = await founder(rnd, 'Alder')
  const groupId = alder.space.groupId as string
  const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
  const manifest = { version: 1 as const, signers: [{ publicKey: kp.publicKey }] }
  const [coreA, coreB] = [store().get({ manifest }), store().get({ manifest })]
  await coreA.ready()
  await coreB.ready()
  return { alder, groupId, kp, coreA, coreB, ...(await twinSpaces(rnd, alder, coreA, coreB, kp)) }
}

export interface TwinSpaces {
  logA: CoreLog
  logB: CoreLog
  me: string
  onA: GroupSpace
  onB: GroupSpace
  say(m: GroupSpace, text: string): Promise<void>
}

/**
 * Mallory admitted to Alder's group with `coreA` as her device log, two posts written on machine
 * A, machine B's copy (`coreB`, the same key pair) made from A's blocks, and a space on each.
 */
export async function twinSpaces(rnd: SeededRandom, alder: Peer, coreA: HypercoreSession, coreB: HypercoreSession, kp: KeyPair): Promise<TwinSpaces> {
  const groupId = alder.space.groupId as string
  const [logA, logB] = [new CoreLog(coreA, kp), new CoreLog(coreB, kp)]
  const mid = identity(rnd)
  const me = idOf(mid)
  await alder.space.writeGovernance({
    v: 1, kind: 'member.admit', group: groupId, author: alder.me, at: now(), seen: alder.space.seen(),
    body: { member: { id: me, boxKey: hex(mid.boxPublicKey), device: logA.key, pseudonym: 'Mallory' }, role: 'member', epochs: alder.space.heldEpochs() },
  })
  const keys = { identity: mid, epochs: keysOf(alder), current: alder.space.currentEpoch }
  const say = (m: GroupSpace, text: string): Promise<void> => m.change(memberDocId(me), (d) => void new MemberDoc(d, me).addPost({ topic: 'story', text, cw: null }, now()))
  const onA = new GroupSpace(logA, keys, { groupId })
  await onA.catchUp(alder.log)
  await say(onA, 'before the split')
  await say(onA, 'still shared')
  for (const block of await readAll(coreA)) await logB.append(block)
  const onB = new GroupSpace(logB, keys, { groupId })
  await onB.catchUp(alder.log)
  return { logA, logB, me, onA, onB, say }
}
