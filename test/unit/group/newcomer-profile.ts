/**
 * A newcomer's profile on disk for the first-sync tests (vault, log store, registry; no network):
 * the host founds the group in the newcomer's own store, admits the newcomer and Fay, and posts;
 * the group's meta is written as the join writes it, with the `firstSync` mark. The host's log and
 * Fay's are device logs of the same store, read by key as peer logs (as test/helpers/fellow-group.ts
 * does). Fay's log is named and empty, so it has told no length until she writes (`fayWrites`).
 * Shared by first-sync-registry.test.ts and arriving-info.test.ts.
 */
import path from 'node:path'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { asAppendLog } from '../../../core/group/append-log.ts'
import type { GroupMeta } from '../../../core/group/group-meta.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { newGroupEntries } from '../../../core/group/group-vault.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import type { LogStore } from '../../../core/store/log-store.ts'
import { Vault } from '../../../core/store/vault.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'
import type { SeededRandom } from '../../helpers/seeded-random.ts'
import { admitEvent, genesisEvent, identity, idOf } from './support.ts'

export const PASS = 'correct horse battery staple'

/** The newcomer's profile: the host's group in its store, its meta marked, its registry closed again. */
export async function newcomerProfile(root: string, rnd: SeededRandom): Promise<{ dir: string; groupId: string; fayKey: string; fayWrites(store: LogStore): Promise<void> }> {
  const dir = path.join(root, 'newcomer')
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
export async function openProfile(dir: string): Promise<{ vault: Vault; reg: GroupRegistry; changes: string[]; mark(groupId: string): boolean }> {
  const vault = new Vault(dir, { kdf: CHEAP_KDF })
  await vault.unlock(PASS)
  const changes: string[] = []
  const reg = await GroupRegistry.open(vault, (id) => changes.push(id), Date.now)
  return { vault, reg, changes, mark: (id) => reg.meta(id).firstSync === true }
}

/** Locks the registry (every vault write it queued is done then) and says whether the mark is on disk. */
export async function closeAndReadMark(p: Awaited<ReturnType<typeof openProfile>>, groupId: string): Promise<boolean> {
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
