/**
 * The Y.Docs of one group and the only door into them: `applyBlock` checks the write rule
 * (core/model/write-rule.ts) before an update touches a doc, and blocks from logs that
 * governance does not know yet wait in `pending` until it does (an admission may arrive after
 * the newcomer's first words). Nothing rejected is ever applied, so it can never show in a view.
 */
import * as Y from 'yjs'
import { isMemberId, memberDocId, sharedDocId } from '../model/doc-id.ts'
import { MemberDoc } from '../model/member-doc.ts'
import { RulesDoc } from '../model/rules-doc.ts'
import { checkWrite, type WriteAuthority } from '../model/write-rule.ts'

export const REMOTE = Symbol('remote')

export interface Rejection {
  logKey: string
  index: number
  docId: string
  reason: string
}

/** An accepted update waiting for its doc's transaction; `summary`: a shared checkpoint (see `apply`). */
interface Queued {
  logKey: string
  index: number
  update: Uint8Array
  summary?: boolean
}

export class DocSet {
  private readonly docs = new Map<string, Y.Doc>()
  private readonly pending = new Map<string, { index: number; docId: string; update: Uint8Array; also?: readonly number[] }[]>()
  /** Accepted updates not applied yet, per doc (see `batch`). */
  private queued: Map<string, Queued[]> | null = null
  readonly rejected: Rejection[] = []

  /** The doc for an id, created empty on first use. */
  doc(docId: string): Y.Doc {
    let d = this.docs.get(docId)
    if (!d) {
      d = new Y.Doc({ gc: true })
      this.docs.set(docId, d)
    }
    return d
  }

  /** Whether a doc was created (by a block or a local change); `doc` would create an empty one. */
  has(docId: string): boolean {
    return this.docs.has(docId)
  }

  memberDoc(memberId: string): MemberDoc {
    return new MemberDoc(this.doc(memberDocId(memberId)), memberId)
  }

  rules(): RulesDoc {
    return new RulesDoc(this.doc(sharedDocId('rules')))
  }

  /** Member docs present, keyed by member id. */
  memberDocs(): Map<string, MemberDoc> {
    const out = new Map<string, MemberDoc>()
    for (const id of this.docs.keys()) {
      const m = id.slice('member/'.length)
      if (id.startsWith('member/') && isMemberId(m)) out.set(m, this.memberDoc(m))
    }
    return out
  }

  /**
   * Applies one decoded update block if the rule allows it. Returns the doc id it changed, or null.
   * A block from a log governance does not know yet is held back, not refused. `also`: other
   * indexes of the same log the rule must allow too (a shared checkpoint stands for a range).
   */
  applyBlock(auth: WriteAuthority, logKey: string, index: number, docId: string, update: Uint8Array, also?: readonly number[]): string | null {
    let check = checkWrite(auth, logKey, index, docId)
    for (const i of also ?? []) if (check.ok) check = checkWrite(auth, logKey, i, docId)
    if (!check.ok) {
      if (!auth.knowsLog(logKey)) {
        this.hold(logKey, index, docId, update, also)
      } else {
        this.rejected.push({ logKey, index, docId, reason: check.reason })
      }
      return null
    }
    const entry: Queued = also === undefined ? { logKey, index, update } : { logKey, index, update, summary: true }
    if (this.queued) {
      const list = this.queued.get(docId) ?? []
      list.push(entry)
      this.queued.set(docId, list)
      return docId
    }
    return this.apply(docId, [entry]) ? docId : null
  }

  /**
   * Runs `fn` with accepted updates queued, then applies each doc's queue in one transaction.
   * Reading a long log this way is several times faster than one transaction per block, and the
   * result is the same: the write rule was already checked per block, and updates commute.
   */
  async batch(fn: () => Promise<void>): Promise<void> {
    if (this.queued) return fn()
    this.queued = new Map()
    try {
      await fn()
    } finally {
      const queued = this.queued
      this.queued = null
      for (const [docId, list] of queued) this.apply(docId, list)
    }
  }

  /**
   * Applies updates to a doc in one Yjs transaction (several times faster than one each; merging
   * them first is slower still). A bad update is refused alone. Returns whether any applied.
   */
  private apply(docId: string, list: Queued[]): boolean {
    const doc = this.doc(docId)
    let applied = false
    doc.transact(() => {
      for (const u of list) {
        try {
          // A shared checkpoint read after the blocks it stands for usually adds nothing; reading
          // its clock ranges costs a third of applying it. Skipped only when every item in it is
          // already here, so content that only the checkpoint carries still lands (its deletions
          // of items we hold are then not applied: a checkpoint cannot take back what was read).
          if (u.summary && knownAlready(doc, u.update)) {
            applied = true
            continue
          }
          // Decoding first refuses a damaged update whole: Yjs would otherwise integrate its
          // structs before failing on a cut-short delete set, leaving half of it in the doc.
          Y.decodeUpdate(u.update)
          Y.applyUpdate(doc, u.update, REMOTE)
          applied = true
        } catch {
          this.rejected.push({ logKey: u.logKey, index: u.index, docId, reason: 'not a valid update' })
        }
      }
    }, REMOTE)
    return applied
  }

  /** Keeps a block until governance can judge it (its log is unknown, or there is no genesis yet). */
  hold(logKey: string, index: number, docId: string, update: Uint8Array, also?: readonly number[]): void {
    const list = this.pending.get(logKey) ?? []
    list.push(also === undefined ? { index, docId, update } : { index, docId, update, also })
    this.pending.set(logKey, list)
  }

  /** The lowest index held back from a log, if any: a checkpoint must resume there. */
  firstPending(logKey: string): number | undefined {
    const list = this.pending.get(logKey)
    return list?.length ? Math.min(...list.map((b) => b.index)) : undefined
  }

  /** After governance changed: applies what was waiting and is now allowed. Returns changed doc ids. */
  retryPending(auth: WriteAuthority): string[] {
    const changed = new Set<string>()
    const waiting = [...this.pending]
    this.pending.clear()
    for (const [logKey, list] of waiting) {
      for (const b of list) {
        const id = this.applyBlock(auth, logKey, b.index, b.docId, b.update, b.also)
        if (id) changed.add(id)
      }
    }
    return [...changed]
  }

  /** Full state of every doc, for checkpoints. */
  snapshot(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>()
    for (const [id, d] of this.docs) out.set(id, Y.encodeStateAsUpdate(d))
    return out
  }

  /** Loads a checkpoint's doc states. Only for states this device checked and sealed itself. */
  restore(states: ReadonlyMap<string, Uint8Array>): void {
    for (const [id, state] of states) Y.applyUpdate(this.doc(id), state, REMOTE)
  }

  destroy(): void {
    for (const d of this.docs.values()) d.destroy()
    this.docs.clear()
    this.pending.clear()
  }
}

/** Whether every item an update carries is already in the doc (its clock ranges end at or below the doc's). */
function knownAlready(doc: Y.Doc, update: Uint8Array): boolean {
  for (const [client, clock] of Y.parseUpdateMeta(update).to) if (Y.getState(doc.store, client) < clock) return false
  return true
}
