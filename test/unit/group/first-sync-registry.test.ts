/**
 * The first-sync mark at the registry (group-registry.ts, session 13's review, R5b): a group meta
 * that carries `firstSync` opens a space whose history counts as arriving until the first sync is
 * complete (first-sync.ts); the mark leaves the vault when the space says FIRST_SYNC_ENDED, or when
 * the open's own catch-ups end it, and not before; a restart with the mark still there begins the
 * guard again.
 *
 * A real profile on disk (vault, log store, registry), no network. The newcomer's store holds the
 * host's log and Fay's as replication leaves them (device logs of the same store, read by key as
 * peer logs, as test/helpers/fellow-group.ts does): the host founds the group, admits the newcomer
 * and Fay, and posts. Fay's log is named and empty, so it has told no length (review finding A)
 * until she writes.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { asAppendLog } from '../../../core/group/append-log.ts'
import type { GroupMeta } from '../../../core/group/group-meta.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { newGroupEntries } from '../../../core/group/group-vault.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import type { LogStore } from '../../../core/store/log-store.ts'
import { Vault } from '../../../core/store/vault.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { admitEvent, genesisEvent, identity, idOf } from './support.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const nobody = { read: (): null => null }
const rnd = seededRandom(0x1457)

/** The newcomer's profile: the host's group in its store, its meta marked, its registry closed again. */
async function newcomerProfile(): Promise<{ dir: string; groupId: string; fayKey: string; fayWrites(store: LogStore): Promise<void> }> {
  const dir = path.join(tempDir(), 'newcomer')
  const vault = new Vault(dir, { kdf: CHEAP_KDF })
  await vault.create(PASS)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  const epoch0 = rnd.bytes(32)
  const host = identity(rnd)
  const hostLog = asAppendLog(await reg.store.openDeviceLog('m-host'))
  const hostSpace = new GroupSpace(hostLog, { identity: host, epochs: new Map([[0, epoch0.slice()]]), current: 0 })
  await hostSpace.writeGovernance(genesisEvent(host, hostLog.key))
  const groupId = hostSpace.governance.groupId
  const seed = rnd.bytes(32)
  const me = identityFromSeed(seed.slice())
  const own = asAppendLog(await reg.store.openDeviceLog('m-own'))
  const fay = identity(rnd)
  const fayLog = asAppendLog(await reg.store.openDeviceLog('m-fay'))
  await hostSpace.writeGovernance(admitEvent(groupId, idOf(host), me, own.key))
  await hostSpace.writeGovernance(admitEvent(groupId, idOf(host), fay, fayLog.key))
  for (let i = 0; i < 3; i++) await hostSpace.change(memberDocId(idOf(host)), (d) => void new MemberDoc(d, idOf(host)).addPost({ topic: 'check-in', text: `host ${i}`, cw: null }, 1_700_000_001_000 + i))
  await hostSpace.idle()
  // As the join writes it (invitations.ts): the welcome's logs and members, and the mark.
  const meta: GroupMeta = { v: 1, id: groupId, log: 'm-own', createdAt: Date.now(), name: 'Tuesday circle', seedLogs: [hostLog.key, fayLog.key], seedMembers: [idOf(host), idOf(fay)], firstSync: true }
  await vault.setMany(newGroupEntries(meta, { identity: seed, secret: randomBytes(32), epochs: [[0, epoch0.slice()]] }))
  await reg.lockNow()
  vault.lock()
  return {
    dir, groupId, fayKey: fayLog.key,
    // Fay writes her profile in her own log, in the newcomer's store, as replication would bring it.
    fayWrites: async (store) => {
      const s = new GroupSpace(asAppendLog(await store.openDeviceLog('m-fay')), { identity: fay, epochs: new Map([[0, epoch0.slice()]]), current: 0 }, { groupId })
      await s.catchUp(asAppendLog(await store.openDeviceLog('m-host')))
      await s.change(memberDocId(idOf(fay)), (d) => new MemberDoc(d, idOf(fay)).setProfile({ pseudonym: 'Fay', status: 'active' }, 1_700_000_002_000))
      await s.idle()
    },
  }
}

/** The profile unlocked, its registry open, the group's changes counted. */
async function openProfile(dir: string): Promise<{ vault: Vault; reg: GroupRegistry; changes: string[]; mark(groupId: string): boolean }> {
  const vault = new Vault(dir, { kdf: CHEAP_KDF })
  await vault.unlock(PASS)
  const changes: string[] = []
  const reg = await GroupRegistry.open(vault, (id) => changes.push(id), Date.now)
  return { vault, reg, changes, mark: (id) => reg.meta(id).firstSync === true }
}

/** Locks the registry (every vault write it queued is done then) and says whether the mark is on disk. */
async function closeAndReadMark(p: Awaited<ReturnType<typeof openProfile>>, groupId: string): Promise<boolean> {
  await p.reg.lockNow()
  p.vault.lock()
  const again = new Vault(p.vault.dir, { kdf: CHEAP_KDF })
  await again.unlock(PASS)
  try {
    return (JSON.parse(new TextDecoder().decode(again.get(`group/${groupId}`))) as GroupMeta).firstSync === true
  } finally {
    again.lock()
  }
}

const ARRIVING = { posts: [], next: null, preview: true }

describe('the first-sync mark at the registry', () => {
  it('opens arriving until complete and keeps the mark; a restart begins again; the open that completes it clears it', async () => {
    const n = await newcomerProfile()
    const first = await openProfile(n.dir)
    const space = await first.reg.space(n.groupId)
    // The host's log is read, Fay's is named and has told nothing: not complete.
    expect(space.governance.knowsLog(space.own.key)).toBe(true)
    expect(space.firstSync).toBe(true)
    expect(space.arriving).toBe(true)
    expect(readerFeed(space, nobody, { limit: 20 })).toEqual(ARRIVING)
    expect(await closeAndReadMark(first, n.groupId)).toBe(true)

    // A restart with the mark still there: the guard begins again.
    const second = await openProfile(n.dir)
    const again = await second.reg.space(n.groupId)
    expect(again.firstSync).toBe(true)
    expect(again.arriving).toBe(true)
    expect(readerFeed(again, nobody, { limit: 20 })).toEqual(ARRIVING)
    expect(await closeAndReadMark(second, n.groupId)).toBe(true)

    // Fay's words arrive in the store while the profile is locked.
    const writing = await openProfile(n.dir)
    await n.fayWrites(writing.reg.store)
    expect(await closeAndReadMark(writing, n.groupId)).toBe(true)
    const third = await openProfile(n.dir)
    const s = await third.reg.space(n.groupId)
    // The open's own catch-ups read Fay's log: the first sync ended in the open, and the open clears the mark.
    expect(s.firstSync).toBe(false)
    expect(s.arriving).toBe(false)
    expect(readerFeed(s, nobody, { limit: 20 }).posts.map((p) => p.text).sort()).toEqual(['host 0', 'host 1', 'host 2'])
    expect(await closeAndReadMark(third, n.groupId)).toBe(false)

    // Cleared for good: the next open holds nothing.
    const fourth = await openProfile(n.dir)
    const settled = await fourth.reg.space(n.groupId)
    expect(settled.firstSync).toBe(false)
    expect(settled.arriving).toBe(false)
    await fourth.reg.lockNow()
  })

  it('clears the mark when a catch-up after the open says FIRST_SYNC_ENDED, and not before', async () => {
    const n = await newcomerProfile()
    const p = await openProfile(n.dir)
    const space = await p.reg.space(n.groupId)
    expect(space.arriving).toBe(true)
    const fay = await p.reg.store.openPeerLog(Buffer.from(n.fayKey, 'hex'))
    // Caught up while empty: still nothing told, nothing ends, nothing is said.
    await space.catchUp(fay)
    expect(space.firstSync).toBe(true)
    expect(p.changes).toEqual([])
    expect(p.mark(n.groupId)).toBe(true)
    // Fay's words arrive (as replication brings them) and the open space catches her log up.
    await n.fayWrites(p.reg.store)
    expect(fay.length).toBeGreaterThan(0)
    await space.catchUp(fay)
    expect(space.firstSync).toBe(false)
    expect(space.arriving).toBe(false)
    expect(p.changes).toContain(n.groupId)
    expect(readerFeed(space, nobody, { limit: 20 }).posts.map((x) => x.text).sort()).toEqual(['host 0', 'host 1', 'host 2'])
    expect(await closeAndReadMark(p, n.groupId)).toBe(false)
  })
})
