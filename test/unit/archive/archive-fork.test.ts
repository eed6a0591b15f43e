/**
 * A restore that meets another version of a log (archive-fork.ts): this store already holds a
 * copy of a member's log (left by an earlier restore of the same group), and the archive carries
 * that log rewritten — truncated by one block and written again, as a hostile node would. The
 * restore no longer fails (it did, ARCHIVE_CORRUPT): it writes the two signed versions as
 * `log.fork`, so the log is frozen there. Real vaults, real Corestores on temp folders.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { restoreArchive } from '../../../core/archive/archive-restore.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { rewrittenLogs } from '../../../core/group/rewrite-view.ts'
import type { HypercoreSession, KeyPair } from '../../../core/store/holepunch.ts'
import { Vault } from '../../../core/store/vault.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const PASS = 'profile passphrase'
const ARCHIVE_PASS = 'archive passphrase, long enough'

type Internals = { core: HypercoreSession & { truncate(n: number, o: { keyPair: KeyPair }): Promise<void>; append(b: Uint8Array, o: { keyPair: KeyPair }): Promise<unknown> }; keyPair: KeyPair }

describe('a restore that meets another version of a log', () => {
  it('writes the two versions as evidence and freezes the log, instead of failing', async () => {
    const root = tempDir()
    const aDir = path.join(root, 'a')
    const a = createService({ profileDir: aDir, kdf: CHEAP_KDF })
    await ok(a.createProfile({ passphrase: PASS, name: 'Alder' }))
    const g = await ok(a.createGroup({ name: 'Circle' }))
    await ok(a.post({ groupId: g.id, text: 'kept' }))
    await ok(a.post({ groupId: g.id, text: 'later taken back' }))
    const first = path.join(root, 'first.hearth')
    await ok(a.exportGroup({ groupId: g.id, format: 'archive', path: first, archivePassphrase: ARCHIVE_PASS }))
    await a.close()

    // Alder's device rewrites its last block, as a modified node would (guard bypassed).
    const aVault = new Vault(aDir, { kdf: CHEAP_KDF })
    await aVault.unlock(PASS)
    const aReg = await GroupRegistry.open(aVault, () => undefined, Date.now)
    const own = (await aReg.store.openDeviceLog(aReg.meta(g.id).log)) as unknown as Internals
    const index = own.core.length - 1
    await own.core.truncate(index, { keyPair: own.keyPair })
    await own.core.append(new TextEncoder().encode('another block in its place'), { keyPair: own.keyPair })
    await aReg.lockNow()
    aVault.lock()
    const a2 = createService({ profileDir: aDir, kdf: CHEAP_KDF })
    await ok(a2.unlock({ passphrase: PASS }))
    const second = path.join(root, 'second.hearth')
    await ok(a2.exportGroup({ groupId: g.id, format: 'archive', path: second, archivePassphrase: ARCHIVE_PASS }))
    await a2.close()

    // Birch's profile restored the first archive once; the group was then lost from its vault,
    // its store keeping the copies.
    const bDir = path.join(root, 'b')
    const vault = new Vault(bDir, { kdf: CHEAP_KDF })
    await vault.create('another passphrase')
    let reg = await GroupRegistry.open(vault, () => undefined, Date.now)
    const once = await restoreArchive(first, ARCHIVE_PASS, { vault, store: reg.store, now: Date.now })
    const alderLog = once.space.governance.deviceLogs().find((k) => k !== once.space.own.key) as string
    once.space.dropKeys()
    await reg.lockNow()
    for (const name of vault.names().filter((n) => n.startsWith(`group/${g.id}`))) await vault.delete(name)
    rmSync(path.join(bDir, 'checkpoints'), { recursive: true, force: true })

    reg = await GroupRegistry.open(vault, () => undefined, Date.now)
    const { space } = await restoreArchive(second, ARCHIVE_PASS, { vault, store: reg.store, now: Date.now })
    expect(space.governance.frozen.get(alderLog)).toBe(index)
    // The archive is Alder's own: the rewriter's new device may not speak around the freeze
    // (governance.ts), so its device.add and the report it carries count for nothing — but the
    // evidence freezes the log wherever it sits, and a facilitator can lift it.
    expect(space.governance.memberForBlock(space.own.key, 0)).toBeUndefined()
    expect(rewrittenLogs(space).map((r) => [r.log, r.index])).toEqual([[alderLog, index]])
    space.dropKeys()
    await reg.lockNow()
    vault.lock()
  })
})
