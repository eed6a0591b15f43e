/**
 * A restored device never writes where its peers hold blocks (issue 14): the restore writes
 * through a NEW device log of this profile, which no peer can hold a block of, and which the
 * own-log record (log-lengths.hearth) and its guard know from its first block; the member's old
 * log is a read-only copy (this profile has no key pair for it). If a change ever made a restore
 * continue the archived log, its next block would land at an index the group already holds.
 * Real vault, real Corestore on temp folders.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { restoreArchive } from '../../../core/archive/archive-restore.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { logLengthsKey, readLogLengths } from '../../../core/store/log-lengths.ts'
import { LOG_STORE_KEY_PURPOSE } from '../../../core/store/log-store.ts'
import { Vault } from '../../../core/store/vault.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const ARCHIVE_PASS = 'archive passphrase, long enough'

describe('a restored device and its own log', () => {
  it('writes only through a new log that the own-log record knows; the archived log stays read-only', async () => {
    const root = tempDir()
    const a = createService({ profileDir: path.join(root, 'a'), kdf: CHEAP_KDF })
    await ok(a.createProfile({ passphrase: 'profile passphrase', name: 'Alder' }))
    const g = await ok(a.createGroup({ name: 'Circle' }))
    for (let i = 0; i < 5; i++) await ok(a.post({ groupId: g.id, text: `post ${i}` }))
    const file = path.join(root, 'circle.hearth')
    await ok(a.exportGroup({ groupId: g.id, format: 'archive', path: file, archivePassphrase: ARCHIVE_PASS }))
    await a.close()

    const dir = path.join(root, 'b')
    const vault = new Vault(dir, { kdf: CHEAP_KDF })
    await vault.create('another passphrase')
    const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
    const { groupId, space } = await restoreArchive(file, ARCHIVE_PASS, { vault, store: reg.store, now: Date.now })
    await space.idle()
    const oldLogs = space.governance.deviceLogs().filter((k) => k !== space.own.key)
    expect(oldLogs.length).toBe(1)
    const oldLog = oldLogs[0] as string
    // The archived log is held, whole, but this profile cannot write it.
    expect((await reg.store.openPeerLog(Buffer.from(oldLog, 'hex'))).length).toBeGreaterThan(5)
    expect(await reg.store.ownLog(Buffer.from(oldLog, 'hex'))).toBeNull()
    // The new log starts at 0 with the device.add, and the guard lets it write.
    expect(space.own.length).toBe(1)
    expect(space.governance.memberForBlock(space.own.key, 0)).toBe(space.me)
    expect(await reg.store.ownLogState(reg.meta(groupId).log)).toEqual({ state: 'ok', length: 1 })
    space.dropKeys()
    await reg.lockNow()
    const key = logLengthsKey(vault.subkey(LOG_STORE_KEY_PURPOSE))
    const rec = await readLogLengths(dir, key)
    expect(rec.state).toBe('ok')
    if (rec.state === 'ok') expect(rec.file.logs.get(space.own.key)).toEqual({ length: 1, unconfirmed: false })
    vault.lock()
  })
})
