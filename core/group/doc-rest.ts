/**
 * Groups not in use let their docs go, so memory stays flat in the number of groups a profile
 * holds (issue 19). A group whose space no call has asked for in `afterMs` seals a local
 * checkpoint and, in the same synchronous step, its DocSet rests (doc-set.ts). Governance, read
 * positions and keys stay: the space still ingests live blocks (the write rule needs governance
 * only; accepted updates are kept until the wake) and still serves joins (admission reads
 * governance and logs, never docs). The first read of a doc wakes the set synchronously from the
 * checkpoint just sealed, then applies what was kept.
 *
 * Where the states wait: in the local checkpoint file (sealed, covered by the canary scan like
 * every checkpoint), not in memory; until its write is durable, the sealed bytes in memory. The
 * file read back must be that very write: its header and nonce (random per write; the box's MAC
 * binds the rest to this profile's key) are compared. A file replaced or lost since is refused
 * with PROFILE_BUSY and the group is rebuilt from its logs (never shown empty or half).
 */
import { readFileSync } from 'node:fs'
import { errors } from '../errors.ts'
import { wipe } from '../crypto/wipe.ts'
import { decodeCheckpoint, WRITE_HEAD, type Checkpoint } from '../store/checkpoint-file.ts'
import { concatBytes } from '../bytes.ts'
import type { GroupSpace } from './group-space.ts'

/** How long a group's space goes unasked before its docs rest. */
export const REST_AFTER_MS = 120_000

export interface RestHost {
  /** Where the group's local checkpoint is. */
  file(groupId: string): string
  /** Whether this space is still the group's open one. */
  isOpen(groupId: string, space: GroupSpace): boolean
  /** Seals a checkpoint of the space now (synchronously; the file's pieces) and writes it; null when it cannot. */
  seal(groupId: string, space: GroupSpace): { sealed: readonly Uint8Array[]; written: Promise<boolean> } | null
  /** The group's checkpoint key (a copy; wiped after use). */
  key(groupId: string): Uint8Array
  /** Runs in the same synchronous step, just before the docs go on the write whose head is `head` (the unread counts, unread-rest.ts). */
  beforeRest?(groupId: string, space: GroupSpace, head: Uint8Array): void
}

export class DocRest {
  afterMs = REST_AFTER_MS
  private readonly timers = new Map<string, NodeJS.Timeout>()

  constructor(private readonly host: RestHost) {}

  /** The space was asked for: its docs rest `afterMs` from now unless asked for again. Returns it. */
  used(groupId: string, space: GroupSpace): GroupSpace {
    clearTimeout(this.timers.get(groupId))
    const timer = setTimeout(() => {
      this.timers.delete(groupId)
      this.now(groupId, space)
    }, this.afterMs)
    timer.unref?.()
    this.timers.set(groupId, timer)
    return space
  }

  /**
   * Lets the docs go now, if nothing is in flight: typing not yet written, a rebuild, a batch.
   * Returns null when they do not rest, else the checkpoint's write (true once durable).
   */
  now(groupId: string, space: GroupSpace): Promise<boolean> | null {
    if (!this.host.isOpen(groupId, space) || space.docs.isResting || space.queued.size || space.local || space.docs.damaged) return null
    const s = this.host.seal(groupId, space)
    if (!s) return null
    let pending: readonly Uint8Array[] | null = s.sealed
    const head = (s.sealed[0] ?? new Uint8Array(0)).slice(0, WRITE_HEAD)
    this.host.beforeRest?.(groupId, space, head)
    if (!space.docs.rest(this.waker(groupId, space, () => pending, sameWrite(head)))) return null
    // Once durable, the states wait on disk only; a failed write keeps the sealed bytes here.
    return s.written.then((ok) => {
      if (ok) pending = null
      return ok
    })
  }

  /**
   * The lazy open: a group opened from its local checkpoint rests on it from the start. Its
   * governance, read positions and keys load now; its doc states are let go unapplied, and the
   * first read of a doc reads the file again, which must be the very write read now (`head`).
   * So going online at unlock applies no doc state; blocks read meanwhile are kept, as resting.
   * `wakeNext`: the open is behind a kept screen, whose wake follows it at once (group-registry.ts):
   * that first wake takes the states read now rather than reading and opening the file a second
   * time (a 25 MB decrypt in one task for a group of 100,000 updates); a later wake reads the file.
   */
  openOn(groupId: string, space: GroupSpace, c: Checkpoint, head: Uint8Array, wakeNext = false): void {
    let states: ReadonlyMap<string, Uint8Array> | null = wakeNext ? c.docs : null
    space.restore({ ...c, docs: new Map() })
    const read = this.waker(groupId, space, () => null, sameWrite(head))
    const wake = (): ReadonlyMap<string, Uint8Array> => {
      const s = states
      states = null
      return s ?? read()
    }
    if (!space.docs.rest(wake)) space.docs.restore(c.docs)
  }

  /**
   * What wakes resting docs: `held` (sealed bytes not yet durable) or the file, if `sameFile`
   * says it is what was let go. Otherwise the group is read again from its logs and the
   * call that woke it fails with PROFILE_BUSY (it can be made again then); never shown empty.
   */
  private waker(groupId: string, space: GroupSpace, held: () => readonly Uint8Array[] | null, sameFile: (b: Uint8Array) => boolean): () => ReadonlyMap<string, Uint8Array> {
    return () => {
      const key = this.host.key(groupId)
      try {
        // Either way the bytes are a copy only this wake reads: opened in place.
        const pieces = held()
        const bytes = pieces ? concatBytes(pieces) : readSealed(this.host.file(groupId))
        const docs = bytes && sameFile(bytes) ? decodeCheckpoint(bytes, key, true).docs : null
        if (!docs) throw errors.LOG_CORRUPT('the checkpoint changed')
        return docs
      } catch {
        queueMicrotask(() => void space.catchUp(space.own).catch(() => undefined))
        throw errors.PROFILE_BUSY('the group is being read again from its logs')
      } finally {
        wipe(key)
      }
    }
  }

  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }
}

/** Whether sealed checkpoint bytes are the write whose head is `head` (its nonce is random per write). */
function sameWrite(head: Uint8Array): (bytes: Uint8Array) => boolean {
  return (bytes) => bytes.length >= WRITE_HEAD && head.every((b, i) => bytes[i] === b)
}

function readSealed(file: string): Uint8Array | null {
  try {
    return readFileSync(file)
  } catch {
    return null
  }
}
