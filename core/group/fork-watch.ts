/**
 * Noticing a rewritten device log while replicating (equivocation.ts has the rule).
 *
 * When a member truncates its log and appends something else, Hypercore on every peer that held
 * the first version verifies the writer's new signed state and reorganises its copy: the blocks
 * past the common part are deleted, and sessions hear `truncate`. By then the first version is
 * gone from the store, so nothing could prove it. Hence, per fellow member's log, this keeps a
 * Hypercore snapshot session taken before each read: a snapshot keeps reading the log as it was
 * (RocksDB keeps what it saw), so it holds every block this device has read.
 *
 * Before each read of a log (`beforeRead`), if the log's fork id moved since the snapshot, the
 * blocks read so far are compared with the log now, from where Hypercore said they part; at the
 * first index that differs (or that the log no longer has), both signed states go into a
 * `log.fork` event through GroupSpace.reportFork. The log is not read on while a block of the new
 * version needed for the comparison is still on its way.
 *
 * Two trees at one fork (a writer running one log key on two machines, never truncating) are
 * noticed by Hypercore itself: an upgrade that does not fit makes it freeze its stored copy,
 * emit `conflict` with the other side's upgrade proof, and close every session. The handler here
 * keeps that proof, waits for the sessions to close, reads this device's own signed state from a
 * fresh session on the stored copy (frozen, it no longer replicates, but it reads: Hypercore keeps
 * the signature of its head, which is the state this device holds), and reports both. The log is
 * then read from that fresh copy (core/store/log-store.ts reopens a member log closed this way).
 */
import type { HypercoreSession, TreeProof } from '../store/holepunch.ts'
import type { PeerLog } from '../store/log-store.ts'
import { encodeSignedState, readSignedState, readSignedStateAt, stateFromUpgrade, type SignedState } from '../store/tree-proof.ts'
import { makeEvidence, treesPart } from './equivocation.ts'
import type { GroupSpace } from './group-space.ts'

interface Held {
  live: HypercoreSession
  snap: HypercoreSession
  /** the lowest `to` of the truncations heard since the snapshot, if any */
  to: number | null
  /** A block reported as taken back: once the log holds something else there, both are reported. */
  takenBack: { index: number; a: SignedState } | null
}

const same = (x: Uint8Array, y: Uint8Array): boolean => Buffer.from(x).equals(Buffer.from(y))

export class ForkWatch {
  private readonly held = new Map<string, Held>()
  private readonly readers = new Map<string, PeerLog>()
  private closed = false

  constructor(private readonly space: GroupSpace) {}

  /**
   * Starts watching a fellow member's log; call before it replicates, so the first version is
   * kept. `reopen` gives a fresh session on the stored copy, for after a Hypercore conflict.
   */
  async watch(key: string, live: HypercoreSession, reopen?: () => Promise<HypercoreSession>): Promise<void> {
    if (this.closed || this.held.has(key)) return
    const snap = live.snapshot()
    await snap.ready()
    const h: Held = { live, snap, to: null, takenBack: null }
    this.held.set(key, h)
    live.on('truncate', (to) => {
      h.to = Math.min(h.to ?? to, to)
    })
    if (reopen) live.on('conflict', (_length, _fork, proof) => void this.conflict(key, live, proof, reopen).catch(() => undefined))
  }

  /** Two signed trees at one fork: this device's state beside the other side's upgrade proof. */
  private async conflict(key: string, live: HypercoreSession, proof: TreeProof, reopen: () => Promise<HypercoreSession>): Promise<void> {
    const b = stateFromUpgrade(proof)
    const signer = live.manifest?.signers[0]?.publicKey
    // The snapshot closes with every other session; what was read stays in the stored copy.
    this.held.delete(key)
    if (!b || !signer || this.closed) return
    if (!live.closed) await new Promise<void>((resolve) => live.once('close', () => resolve()))
    const own = await reopen()
    try {
      const at = b.at ?? b.length
      if (own.length < at) return
      const index = treesPart(await readSignedStateAt(own, at, null), b)
      if (index === null) return
      // This side's block where they part, for the facilitators' review, when this device holds it.
      const held = (await own.get(index, { wait: false })) !== null
      const a = await readSignedStateAt(own, at, held ? index : null)
      const evidence = makeEvidence(key, signer, index, a, b, encodeSignedState)
      if (evidence) await this.space.reportFork(evidence).catch(() => false)
    } finally {
      await own.close().catch(() => undefined)
    }
  }

  /**
   * Call before reading `key`: reports a rewrite of what was read, then keeps a fresh snapshot.
   * False while the log must not be read yet (a block of the new version is still on its way).
   */
  async beforeRead(key: string): Promise<boolean> {
    const h = this.held.get(key)
    if (!h || this.closed) return true
    if (h.takenBack) await this.secondVersion(key, h, h.takenBack)
    if (h.live.fork !== h.snap.fork || h.to !== null) {
      const found = await this.compare(key, h)
      if (found === 'waiting') return false
    } else if (h.live.length === h.snap.length) return true
    // Swapped in only once ready (a reader never sees an unready snapshot's length), and only if
    // no truncation came meanwhile: then the old snapshot still holds what was read.
    const fork = h.live.fork
    const fresh = h.live.snapshot()
    await fresh.ready()
    if (fresh.fork !== fork || this.closed) {
      await fresh.close().catch(() => undefined)
      return false
    }
    const old = h.snap
    h.snap = fresh
    h.to = null
    await old.close().catch(() => undefined)
    return true
  }

  private async compare(key: string, h: Held): Promise<'done' | 'waiting'> {
    const read = Math.min(this.space.next.get(key) ?? 0, h.snap.length)
    for (let i = Math.min(h.to ?? 0, read); i < read; i++) {
      const before = await h.snap.get(i, { wait: false })
      if (before === null) continue // never held here (read from a checkpoint): nothing to compare
      let now: Uint8Array | null = null
      if (i < h.live.length) {
        now = await h.live.get(i, { wait: false })
        if (now === null) {
          h.live.download({ blocks: [i] })
          return 'waiting'
        }
        if (same(before, now)) continue
      }
      const signer = h.live.manifest?.signers[0]?.publicKey
      if (!signer) return 'done'
      const a = await readSignedState(h.snap, i)
      const b = await readSignedState(h.live, now === null ? null : i)
      const evidence = makeEvidence(key, signer, i, a, b, encodeSignedState)
      if (evidence) await this.space.reportFork(evidence).catch(() => false)
      // Taken back so far: the writer usually appends its new block right after.
      if (now === null) h.takenBack = { index: i, a }
      return 'done'
    }
    return 'done'
  }

  /**
   * The log as the space may read it: never past the snapshot, so every block read is one the
   * snapshot keeps (blocks that arrive meanwhile are read after the next `beforeRead`), but for
   * blocks rescued below a freeze (frozen-rescue.ts): not in Hypercore, so no snapshot keeps them,
   * and each was checked against the evidence, so there is no rewrite of them to notice.
   */
  bounded(log: PeerLog): PeerLog {
    let r = this.readers.get(log.key)
    if (!r) {
      const held = (): Held | undefined => this.held.get(log.key)
      r = {
        key: log.key,
        get length() {
          const h = held()
          return h ? Math.min(log.length, Math.max(h.snap.length, log.rescued ?? 0)) : log.length
        },
        get: (i) => log.get(i),
        getMany: (indexes) => (log.getMany ? log.getMany(indexes) : Promise.all(indexes.map((i) => log.get(i)))),
        heldUntil: (from, end) => (log.heldUntil ? log.heldUntil(from, end) : end),
        get byteLength() {
          return log.byteLength
        },
        get rescued() {
          return log.rescued ?? 0
        },
        get reopening() {
          return log.reopening === true
        },
        quotaEnd: async (q) => (log.quotaEnd ? log.quotaEnd(q) : Infinity),
      }
      this.readers.set(log.key, r)
    }
    return r
  }

  /** The block written where one was taken back, once it is here: reported with the first for review. */
  private async secondVersion(key: string, h: Held, t: { index: number; a: SignedState }): Promise<void> {
    if (h.live.length <= t.index) return
    const now = await h.live.get(t.index, { wait: false })
    if (now === null) {
      h.live.download({ blocks: [t.index] })
      return
    }
    h.takenBack = null
    const signer = h.live.manifest?.signers[0]?.publicKey
    if (!signer || !t.a.block || same(t.a.block.value, now)) return
    const evidence = makeEvidence(key, signer, t.index, t.a, await readSignedState(h.live, t.index), encodeSignedState)
    if (evidence) await this.space.reportFork(evidence).catch(() => false)
  }

  async close(): Promise<void> {
    this.closed = true
    for (const h of this.held.values()) await h.snap.close().catch(() => undefined)
    this.held.clear()
  }
}
