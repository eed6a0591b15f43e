/**
 * A device governance names whose own log is still empty writes its profile once (owed-profile.ts,
 * group-registry.ts): a join that ended unsynced (JOIN_NOT_SYNCED) wrote none,
 * and an empty log holds every later newcomer's first sync (first-sync.ts `complete`). Real vault,
 * registry and Corestore on temp folders; the host's device log sits in the newcomer's store, as
 * replication leaves it, and the newcomer's space reads it as governance arrives. A relay
 * Corestore replicating the newcomer's own log is the peer whose answer a write nobody asked for
 * waits for (owed-profile.ts). No network.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { asAppendLog } from '../../../core/group/append-log.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { newGroupEntries } from '../../../core/group/group-vault.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { BlockKind, decodeBlock } from '../../../core/store/block-codec.ts'
import { Corestore, type CorestoreInstance, type HypercoreSession } from '../../../core/store/holepunch.ts'
import { Vault } from '../../../core/store/vault.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { admitEvent, genesisEvent, hex, identity, idOf, MemLog } from './support.ts'
import { nobody } from './tail-fixture.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const LOG = 'm-newcomer'
const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of closing.splice(0)) await c()
})

type Stream = NodeJS.ReadWriteStream & { destroy(): void }
/** A peer holding none of the newcomer's own log replicates it: the log's first answer (length 0). */
async function relayFor(reg: GroupRegistry): Promise<void> {
  const key = reg.store.keyFor(LOG)
  const relay: CorestoreInstance = new Corestore(tempDir())
  const theirs = relay.get({ key }) as HypercoreSession & { replicate(i: boolean): Stream }
  await theirs.ready()
  const ours = (await reg.store.replicationSession(key)) as HypercoreSession & { replicate(i: boolean): Stream }
  const a = ours.replicate(true)
  const b = theirs.replicate(false)
  a.pipe(b).pipe(a)
  closing.push(async () => {
    a.destroy()
    b.destroy()
    await relay.close()
  })
  const log = await reg.store.openDeviceLog(LOG)
  while (!log.answered()) await new Promise((r) => setTimeout(r, 20))
}

const until = async (probe: () => boolean): Promise<void> => {
  while (!probe()) await new Promise((r) => setTimeout(r, 20))
}

/** A profile that joined the host's group and wrote nothing yet: its meta as a join leaves it. */
async function joined(dir: string) {
  const seed = testSeed()
  console.log(`owed-profile seed ${seed}`)
  const rnd = seededRandom(seed)
  const vault = new Vault(dir, { kdf: CHEAP_KDF })
  await vault.create(PASS)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  const hostId = identity(rnd)
  const epochKey = rnd.bytes(32)
  const host = new GroupSpace(asAppendLog(await reg.store.openDeviceLog('m-host')), { identity: hostId, epochs: new Map([[0, epochKey.slice()]]), current: 0 })
  await host.writeGovernance(genesisEvent(hostId, host.own.key))
  await host.change(memberDocId(idOf(hostId)), (d) => void new MemberDoc(d, idOf(hostId)).addPost({ topic: 'check-in', text: 'hello from the host', cw: null }, 1))
  const groupId = host.governance.groupId
  const newSeed = rnd.bytes(32)
  const newcomer = identityFromSeed(newSeed.slice())
  const device = hex(reg.store.keyFor(LOG))
  await vault.setMany(newGroupEntries(
    { v: 1, id: groupId, log: LOG, createdAt: 1, name: 'Tuesday circle', seedLogs: [host.own.key], seedMembers: [idOf(hostId)], firstSync: true },
    { identity: newSeed, secret: rnd.bytes(32), epochs: [[0, epochKey.slice()]] },
  ))
  const admit = () => host.writeGovernance({ ...admitEvent(groupId, idOf(hostId), newcomer, device), seen: host.seen() })
  const readHost = async (space: GroupSpace) => space.catchUp(await reg.store.openPeerLog(Buffer.from(host.own.key, 'hex')))
  return { vault, reg, host, hostId, groupId, newcomer, admit, readHost, epochKey, rnd }
}

function profileOf(space: GroupSpace): { status: unknown; pseudonym: unknown } {
  const p = new MemberDoc(space.docs.doc(memberDocId(space.me)), space.me).profile
  return { status: p.get('status'), pseudonym: p.get('pseudonym') }
}

async function reopen(dir: string): Promise<{ vault: Vault; reg: GroupRegistry }> {
  const vault = new Vault(dir, { kdf: CHEAP_KDF })
  await vault.unlock(PASS)
  return { vault, reg: await GroupRegistry.open(vault, () => undefined, Date.now) }
}

describe('a device governance names with an empty log writes its profile once', () => {
  it('writes it when governance first names it, never again, and not after a restart', async () => {
    const dir = tempDir()
    const j = await joined(dir)
    // Opened before the admission arrived (the join's wait ended unsynced): nothing is owed yet.
    const space = await j.reg.space(j.groupId)
    await j.reg.profiles.running(space)
    expect(space.governance.members.has(space.me)).toBe(false)
    expect(space.own.length).toBe(0)
    // The admission arrives, with a peer connected: the governance change writes the profile.
    await relayFor(j.reg)
    await j.admit()
    await j.readHost(space)
    await j.reg.profiles.running(space)
    expect(space.own.length).toBe(1)
    const block = decodeBlock((await space.own.get(0)) as Uint8Array, (e) => space.epochKey(e))
    expect([block.kind, block.docId]).toEqual([BlockKind.YjsUpdate, memberDocId(space.me)])
    expect(profileOf(space)).toEqual({ status: 'active', pseudonym: 'Newcomer' })
    // Another governance change, and another ask: no second block.
    await j.host.writeGovernance({ ...admitEvent(j.groupId, idOf(j.hostId), identity(seededRandom(7)), hex(j.reg.store.keyFor('m-other'))), seen: j.host.seen() })
    await j.readHost(space)
    await j.reg.profiles.write(j.groupId, space)
    expect(space.own.length).toBe(1)
    await j.reg.lockNow()
    j.vault.lock()
    // A restart: the log is not empty, so the open writes nothing.
    const r = await reopen(dir)
    const again = await r.reg.space(j.groupId)
    await r.reg.profiles.running(again)
    expect(again.own.length).toBe(1)
    expect(profileOf(again)).toEqual({ status: 'active', pseudonym: 'Newcomer' })
    await r.reg.lockNow()
    r.vault.lock()
  })

  it('after a restart between the admission and the profile, writes it once a peer has answered for the log', async () => {
    const dir = tempDir()
    const j = await joined(dir)
    // The admission was read after the join's wait, and the device stopped before anything wrote.
    await j.admit()
    await j.reg.lockNow()
    j.vault.lock()
    const r = await reopen(dir)
    const space = await r.reg.space(j.groupId)
    await r.reg.profiles.running(space)
    // No peer has told this log's length yet: a folder put back from a copy may hold an empty log
    // whose original wrote block 0 since, so nothing is written before one has.
    expect(space.governance.members.has(space.me)).toBe(true)
    expect(space.own.length).toBe(0)
    await relayFor(r.reg)
    // The next look (PROFILE_RETRY_MS) finds the answer and writes.
    await until(() => space.own.length > 0)
    await r.reg.profiles.running(space)
    expect(space.own.length).toBe(1)
    expect(profileOf(space)).toEqual({ status: 'active', pseudonym: 'Newcomer' })
    await r.reg.lockNow()
    r.vault.lock()
  })

  it('a later newcomer’s first sync, held by the empty log, ends once the profile is written', async () => {
    const dir = tempDir()
    const j = await joined(dir)
    await j.admit()
    // C, admitted after B, reads the host's log and B's, which governance names and which is empty.
    const cId = identity(j.rnd)
    const cLog = new MemLog(hex(j.rnd.bytes(32)))
    await j.host.writeGovernance({ ...admitEvent(j.groupId, idOf(j.hostId), cId, cLog.key), seen: j.host.seen() })
    const c = new GroupSpace(cLog, { identity: cId, epochs: new Map([[0, j.epochKey.slice()]]), current: 0 }, { groupId: j.groupId })
    c.beginFirstSync(cLog.key)
    const bKey = Buffer.from(j.reg.store.keyFor(LOG))
    const readAll = async (): Promise<void> => {
      await c.catchUp(cLog)
      await j.readHost(c)
      await c.catchUp(await j.reg.store.openPeerLog(bKey))
    }
    await readAll()
    expect(c.arriving).toBe(true)
    expect(readerFeed(c, nobody, { limit: 50 }).preview).toBe(true)
    // B's device opens with a peer answering for its log: it writes its profile, and C's first sync ends.
    await relayFor(j.reg)
    const b = await j.reg.space(j.groupId)
    await j.reg.profiles.running(b)
    expect(b.own.length).toBe(1)
    await readAll()
    expect(c.arriving).toBe(false)
    const page = readerFeed(c, nobody, { limit: 50 })
    expect(page.preview).toBeFalsy()
    expect(page.posts.map((p) => p.text)).toEqual(['hello from the host'])
    await j.reg.lockNow()
    j.vault.lock()
  })

  it('writes none for a device removed before it wrote', async () => {
    const dir = tempDir()
    const j = await joined(dir)
    await j.admit()
    await j.host.writeGovernance({ v: 1, kind: 'member.remove', group: j.groupId, author: idOf(j.hostId), at: 1_700_000_000_100, seen: j.host.seen(), body: { member: idOf(j.newcomer) } })
    await relayFor(j.reg)
    const space = await j.reg.space(j.groupId)
    await j.reg.profiles.write(j.groupId, space)
    expect(space.membership).toBe('removed')
    expect(space.own.length).toBe(0)
    await j.reg.lockNow()
    j.vault.lock()
  })
})
