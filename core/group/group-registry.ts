/**
 * The groups of one unlocked profile: creating a group, opening a group's space from the keys in
 * the vault, checkpointing it, and closing it all again on lock.
 *
 * Vault entries per group (all sealed inside the vault):
 *   group/<id>            JSON { v: 1, id, log, createdAt }  (log = this membership's device-log name)
 *   group/<id>/identity   32-byte identity seed (the per-group pseudonymous identity)
 *   group/<id>/secret     32-byte group secret (the swarm topic derives from it)
 *   group/<id>/epoch/<n>  32-byte epoch keys
 */
import { errors } from '../errors.ts'
import { generateIdentity, identityFromSeed } from '../crypto/identity.ts'
import { randomBytes } from '../crypto/random.ts'
import type { Vault } from '../store/vault.ts'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../store/log-store.ts'
import type { DeviceLog } from '../store/device-log.ts'
import { checkpointPath, encodeCheckpoint, readCheckpoint, writeCheckpoint } from '../store/checkpoint-file.ts'
import { wipe } from '../crypto/wipe.ts'
import { PersonalDocs, PERSONAL_KEY_PURPOSE, PERSONAL_LOG } from '../store/personal-docs.ts'
import { memberDocId } from '../model/doc-id.ts'
import { DEFAULT_TOPICS } from '../model/vocabulary.ts'
import { MemberDoc } from '../model/member-doc.ts'
import type { GroupMode } from './governance.ts'
import { GroupSpace, type AppendLog } from './group-space.ts'

/** Write a checkpoint once this many blocks were read or written since the last one. */
export const CHECKPOINT_EVERY = 1000

interface GroupMeta {
  v: 1
  id: string
  log: string
  createdAt: number
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const json = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v))

function asAppendLog(log: DeviceLog): AppendLog {
  const key = hex(log.key)
  return { key, get length() { return log.length }, append: (b) => log.append(b), get: (i) => log.get(i) }
}

export class GroupRegistry {
  /** Spaces ready for use; lock wipes their keys synchronously. */
  private readonly open = new Map<string, GroupSpace>()
  private readonly opening = new Map<string, Promise<GroupSpace>>()
  private readonly sinceCheckpoint = new Map<string, number>()
  private readonly writes = new Set<Promise<void>>()
  private locked = false

  private constructor(
    private readonly vault: Vault,
    /** This profile's log store (benchmarks and tests write fellow members' logs through it). */
    readonly store: LogStore,
    readonly personal: PersonalDocs,
    private readonly onChange: (groupId: string) => void,
    private readonly now: () => number,
  ) {}

  static async open(vault: Vault, onChange: (groupId: string) => void, now: () => number): Promise<GroupRegistry> {
    const store = await LogStore.open(vault.dir, vault.subkey(LOG_STORE_KEY_PURPOSE))
    try {
      const personal = await PersonalDocs.open(await store.openDeviceLog(PERSONAL_LOG), vault.subkey(PERSONAL_KEY_PURPOSE))
      return new GroupRegistry(vault, store, personal, onChange, now)
    } catch (e) {
      await store.close()
      throw e
    }
  }

  groupIds(): string[] {
    return this.vault.names().filter((n) => /^group\/[0-9a-f]{32}$/.test(n)).map((n) => n.slice('group/'.length))
  }

  async create(p: { name: string; mode: GroupMode; pseudonym: string }): Promise<GroupSpace> {
    const identity = generateIdentity()
    const logName = `m-${hex(randomBytes(12))}`
    const log = asAppendLog(await this.store.openDeviceLog(logName))
    const epoch0 = randomBytes(32)
    const space = this.newSpace(log, { identity, epochs: new Map([[0, epoch0]]), current: 0 }, null)
    const me = space.me
    await space.writeGovernance({
      v: 1, kind: 'genesis', group: '', author: me, at: this.now(), seen: {},
      body: {
        name: p.name, mode: p.mode,
        settings: {
          topics: DEFAULT_TOPICS.map((t) => ({ ...t })),
          rulesWriters: ['facilitator'],
          inviters: p.mode === 'survivor-led' ? ['facilitator', 'member'] : ['facilitator'],
          flagThreshold: 3,
        },
        creator: { pseudonym: p.pseudonym, boxKey: hex(identity.boxPublicKey), device: log.key },
      },
    })
    const id = space.governance.groupId
    const meta: GroupMeta = { v: 1, id, log: logName, createdAt: this.now() }
    await this.vault.setMany([
      [`group/${id}/identity`, identity.seed],
      [`group/${id}/secret`, randomBytes(32)],
      [`group/${id}/epoch/0`, epoch0],
      [`group/${id}`, json(meta)],
    ])
    this.open.set(id, space)
    await space.change(memberDocId(me), (doc) => new MemberDoc(doc, me).setProfile({ pseudonym: p.pseudonym, status: 'active' }, this.now()))
    return space
  }

  /** The open space of a group, opened on first use. */
  space(groupId: string): Promise<GroupSpace> {
    const ready = this.open.get(groupId)
    if (ready) return Promise.resolve(ready)
    let s = this.opening.get(groupId)
    if (!s) {
      s = this.openSpace(groupId).finally(() => this.opening.delete(groupId))
      this.opening.set(groupId, s)
    }
    return s
  }

  private async openSpace(groupId: string): Promise<GroupSpace> {
    const raw = this.vault.get(`group/${groupId}`)
    if (!raw) throw errors.GROUP_NOT_FOUND()
    const meta = JSON.parse(new TextDecoder().decode(raw)) as GroupMeta
    const seed = this.vault.get(`group/${groupId}/identity`)
    if (!seed) throw errors.VAULT_CORRUPT('a group identity is missing')
    const epochs = new Map<number, Uint8Array>()
    for (const name of this.vault.names()) {
      const m = /^group\/[0-9a-f]{32}\/epoch\/(\d+)$/.exec(name)
      if (m && name.startsWith(`group/${groupId}/`)) epochs.set(Number(m[1]), (this.vault.get(name) as Uint8Array).slice())
    }
    const log = asAppendLog(await this.store.openDeviceLog(meta.log))
    const space = this.newSpace(log, { identity: identityFromSeed(seed), epochs, current: Math.max(...epochs.keys()) }, groupId)
    const ckptKey = this.checkpointKey(groupId)
    const ckpt = await readCheckpoint(checkpointPath(this.vault.dir, groupId), ckptKey)
    wipe(ckptKey)
    if (ckpt) space.restore(ckpt)
    const before = space.blocksRead
    await space.catchUp(log)
    await this.catchUpMembers(space)
    if (this.locked) {
      space.dropKeys()
      throw errors.PROFILE_LOCKED()
    }
    this.open.set(groupId, space)
    if (space.blocksRead - before >= CHECKPOINT_EVERY) void this.checkpoint(groupId, space)
    return space
  }

  /** Reads the logs of every member device governance knows, until no new device turns up. */
  private async catchUpMembers(space: GroupSpace): Promise<void> {
    const done = new Set([space.own.key])
    for (let round = 0; round < 1000; round++) {
      const todo = space.governance.deviceLogs().filter((k) => !done.has(k))
      if (!todo.length) return
      for (const key of todo) {
        done.add(key)
        await space.catchUp(await this.store.openPeerLog(Buffer.from(key, 'hex')))
      }
    }
  }

  private newSpace(log: AppendLog, keys: ConstructorParameters<typeof GroupSpace>[1], groupId: string | null): GroupSpace {
    const space: GroupSpace = new GroupSpace(log, keys, { groupId, onChange: (docIds) => this.changed(space, docIds.length) })
    return space
  }

  private changed(space: GroupSpace, n: number): void {
    const groupId = space.groupId
    if (!groupId || !this.open.has(groupId)) return
    const count = (this.sinceCheckpoint.get(groupId) ?? 0) + n
    this.sinceCheckpoint.set(groupId, count)
    if (count >= CHECKPOINT_EVERY) void this.checkpoint(groupId, space)
    this.onChange(groupId)
  }

  private checkpointKey(groupId: string): Uint8Array {
    return this.vault.subkey(`checkpoint/${groupId}`)
  }

  /**
   * Seals a checkpoint of a group as it is now (synchronously, so a lock right after cannot catch
   * it half-made) and writes it in the background. A failure costs open speed only.
   */
  checkpoint(groupId: string, space: GroupSpace): Promise<void> {
    this.sinceCheckpoint.set(groupId, 0)
    let sealed: Uint8Array
    try {
      const key = this.checkpointKey(groupId)
      sealed = encodeCheckpoint(space.checkpoint(), key)
      wipe(key)
    } catch {
      return Promise.resolve() // locked meanwhile: the logs still hold everything
    }
    const write = writeCheckpoint(checkpointPath(this.vault.dir, groupId), sealed)
      .catch(() => undefined) // the disk refused: the logs still hold everything
      .finally(() => this.writes.delete(write))
    this.writes.add(write)
    return write
  }

  /** Lock: wipes every key now, synchronously; the promise resolves once files are closed. */
  lockNow(): Promise<void> {
    this.locked = true
    const spaces = [...this.open.values()]
    this.open.clear()
    for (const s of spaces) s.dropKeys()
    this.personal.dropKey()
    const opening = [...this.opening.values()]
    return (async () => {
      await Promise.allSettled(opening)
      await Promise.allSettled(spaces.map((s) => s.idle()))
      await Promise.allSettled(this.writes)
      await this.store.close()
    })()
  }
}
