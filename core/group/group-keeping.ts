/**
 * What the registry keeps of each open group besides the group itself, so that the next read and
 * the next unlock are fast: its local checkpoint (when one is due, sealing it, writing it), its
 * docs at rest while no one asks for it and the unread counts kept as they go (doc-rest.ts,
 * unread-rest.ts), and its first screen for the next unlock (first-screen.ts).
 *
 * Apart from group-registry.ts, which opens and closes groups and owns the map of open spaces:
 * the registry tells this module when a group opened, was asked for or changed, and when the
 * profile locks.
 */
import { wipe } from '../crypto/wipe.ts'
import type { LogStore } from '../store/log-store.ts'
import type { Vault } from '../store/vault.ts'
import { checkpointPath, sealCheckpoint, sealCheckpointTo, writeCheckpoint } from '../store/checkpoint-file.ts'
import { firstScreenPath, type ScreenViews } from '../store/first-screen-file.ts'
import { unreadPath } from '../store/unread-file.ts'
import { CheckpointSchedule, CHECKPOINT_EVERY } from './checkpoint-schedule.ts'
import { DocRest } from './doc-rest.ts'
import { FirstScreens } from './first-screen.ts'
import type { GroupSpace } from './group-space.ts'
import type { PersonalReader } from './reader-source.ts'
import { RestingUnread } from './unread-rest.ts'
import type { TrafficClock } from './traffic-clock.ts'
import { unreadOf } from './unread-of.ts'

export interface KeepingHost {
  readonly vault: Vault
  readonly store: LogStore
  readonly personal: PersonalReader
  now(): number
  /** Whether this space is still the group's open one. */
  isOpen(groupId: string, space: GroupSpace): boolean
  /** When a block last went out or came in: checkpoints and first screens wait for quiet (traffic-clock.ts). */
  readonly traffic?: TrafficClock
}

export class GroupKeeping {
  /** When each group's next checkpoint is due (checkpoint-schedule.ts). */
  readonly checkpoints: CheckpointSchedule
  /** Each group's first screen, kept for the next unlock (first-screen.ts). */
  readonly screens: FirstScreens
  /** Unread counts of groups whose docs rest, counted as they go to rest. */
  readonly restingUnread: RestingUnread
  /** Docs of groups not asked for lately rest on disk. */
  readonly rest: DocRest
  private readonly writes = new Set<Promise<unknown>>()

  constructor(private readonly host: KeepingHost) {
    const { vault, store, personal, traffic } = host
    this.checkpoints = new CheckpointSchedule((id, s) => { if (this.host.isOpen(id, s)) void this.checkpoint(id, s) }, traffic)
    this.screens = new FirstScreens({ ...(traffic ? { traffic } : {}), file: (id) => firstScreenPath(vault.dir, id), key: (id) => vault.subkey(`first-screen/${id}`), isOpen: host.isOpen, personal, logState: (k) => store.logState(Buffer.from(k, 'hex')), count: (s) => unreadOf(s, { personal }, host.now()) })
    this.restingUnread = new RestingUnread(personal, (s) => unreadOf(s, { personal }, host.now()), { file: (id) => unreadPath(vault.dir, id), key: (id) => vault.subkey(`unread/${id}`) })
    this.rest = new DocRest({ file: (id) => checkpointPath(vault.dir, id), isOpen: host.isOpen, seal: (id, s) => this.seal(id, s), key: (id) => this.checkpointKey(id), beforeRest: (id, s, head) => this.restingUnread.keep(id, s, head) })
  }

  /** The group's space was asked for: its docs rest only after a while unasked. */
  used(groupId: string, space: GroupSpace): GroupSpace {
    return this.rest.used(groupId, space)
  }

  /** The group opened, `read` blocks read from its logs on the way. */
  opened(groupId: string, space: GroupSpace, read: number): void {
    this.rest.used(groupId, space)
    this.screens.forget(groupId)
    this.screens.changed(groupId, space)
    // Sealing a checkpoint snapshots every doc (a second or more for a large group): it waits
    // until the group has been quiet, off the path of the first screen (a lock seals it at once).
    if (read >= CHECKPOINT_EVERY) this.checkpoints.whenQuiet(groupId, space)
  }

  /** The group changed (`docIds`): a checkpoint may be due, its screen is kept again, its counts recounted. */
  changed(groupId: string, space: GroupSpace, docIds: string[]): void {
    this.checkpoints.changed(groupId, space, docIds.length)
    this.screens.forget(groupId)
    this.screens.changed(groupId, space)
    this.restingUnread.drop(groupId)
  }

  /** The kept first screen of a group not open yet (first-screen.ts); `showing` opens it behind the screen. */
  firstScreen(groupId: string, showing: () => void): Promise<ScreenViews | null> {
    return this.screens.early(groupId, showing)
  }

  checkpointKey(groupId: string): Uint8Array {
    return this.host.vault.subkey(`checkpoint/${groupId}`)
  }

  /**
   * Seals a checkpoint of a group as it is now (synchronously, so a lock right after cannot catch
   * it half-made) and writes it in the background. A failure costs open speed only.
   */
  checkpoint(groupId: string, space: GroupSpace): Promise<unknown> {
    if (space.docs.isResting) return Promise.resolve() // sealed when it went to rest; what came since is in the logs
    this.checkpoints.sealed(groupId)
    let written: Promise<void>
    let key: Uint8Array | null = null
    try {
      key = this.checkpointKey(groupId)
      // Into the file as it is sealed: nothing holds the sealed bytes (no wake reads them, unlike `seal`).
      written = sealCheckpointTo(checkpointPath(this.host.vault.dir, groupId), space.toSeal(), key)
    } catch {
      return Promise.resolve() // locked meanwhile, or the disk refused: the logs still hold everything
    } finally {
      if (key) wipe(key)
    }
    const write: Promise<unknown> = written.catch(() => undefined).finally(() => this.writes.delete(write))
    this.writes.add(write)
    return write
  }

  /** `checkpoint`'s work; `written` says whether the file is durable (doc-rest.ts). */
  seal(groupId: string, space: GroupSpace): { sealed: readonly Uint8Array[]; written: Promise<boolean> } | null {
    if (space.docs.isResting) return null // sealed when it went to rest; what came since is in the logs
    this.checkpoints.sealed(groupId)
    let sealed: Uint8Array[]
    let key: Uint8Array | null = null
    try {
      key = this.checkpointKey(groupId)
      sealed = sealCheckpoint(space.toSeal(), key)
    } catch {
      return null // locked meanwhile: the logs still hold everything
    } finally {
      if (key) wipe(key) // also when the seal threw half-way
    }
    const write: Promise<boolean> = writeCheckpoint(checkpointPath(this.host.vault.dir, groupId), sealed).then(() => true, () => false) // refused: the logs still hold everything
      .finally(() => this.writes.delete(write))
    this.writes.add(write)
    return { sealed, written: write }
  }

  /**
   * Lock, before the keys go: nothing rests or is kept from now on, and every due checkpoint is
   * sealed now (`spaceOf`: the group's open space). Returns what resolves once their writes end.
   */
  lock(spaceOf: (groupId: string) => GroupSpace | undefined): () => Promise<unknown> {
    this.rest.clear()
    const counts = this.restingUnread.clear()
    const screens = this.screens.close()
    this.checkpoints.flush((groupId) => {
      const space = spaceOf(groupId)
      if (space) void this.checkpoint(groupId, space)
    })
    return () => Promise.allSettled([...this.writes, screens, counts])
  }
}
