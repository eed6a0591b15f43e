/**
 * A restored profile and the first-sync guard (core/group/first-sync.ts; docs/decisions.md,
 * session 14, fsync: R7). The restore writes no first-sync mark. This test pins the reason: under
 * today's rule a mark would end at the restored profile's first open, before any peer is met. The
 * restored store holds each archived log at the archive's length, and the open's own catch-ups
 * take those lengths as the targets, which are already read. A mark would claim a guard that does
 * not hold. The case is the creator's only device (nobody else holds anything), which must never
 * be held arriving for ever.
 * Offline, in one process: real profiles, real Corestores in temp folders, the real service.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { json, type GroupMeta } from '../../../core/group/group-meta.ts'
import { createService } from '../../../core/service.ts'
import { Vault } from '../../../core/store/vault.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'profile passphrase'
const ARCHIVE_PASS = 'archive passphrase, long enough'

async function withMeta<T>(dir: string, groupId: string, fn: (meta: GroupMeta, vault: Vault) => Promise<T>): Promise<T> {
  const vault = new Vault(dir)
  await vault.unlock(PASS)
  try {
    return await fn(JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`))) as GroupMeta, vault)
  } finally {
    vault.lock()
  }
}

describe('a restored profile and the first-sync mark', () => {
  it('writes none; a mark would end at the first open, with no peer (the creator’s only device)', async () => {
    const root = tempDir()
    const a = createService({ profileDir: path.join(root, 'a'), kdf: CHEAP_KDF })
    await ok(a.createProfile({ passphrase: PASS, name: 'Alder' }))
    const g = await ok(a.createGroup({ name: 'Circle' }))
    await ok(a.post({ groupId: g.id, text: 'before the export' }))
    const file = path.join(root, 'circle.hearth')
    await ok(a.exportGroup({ groupId: g.id, format: 'archive', path: file, archivePassphrase: ARCHIVE_PASS }))
    await a.close()

    const bDir = path.join(root, 'b')
    const b = createService({ profileDir: bDir, kdf: CHEAP_KDF })
    await ok(b.createProfile({ passphrase: PASS }))
    await ok(b.restoreArchive({ path: file, archivePassphrase: ARCHIVE_PASS }))
    await b.close()
    const restored = await withMeta(bDir, g.id, async (meta) => meta)
    expect(restored.firstSync).toBeUndefined()
    // The archive's logs are the meta's seeds: where governance is read from if the checkpoint is lost.
    expect(restored.seedLogs?.length).toBe(1)

    // Marked by hand, as a restore that wrote the mark would leave it.
    await withMeta(bDir, g.id, (meta, vault) => vault.set(`group/${g.id}`, json({ ...meta, firstSync: true })))
    const again = createService({ profileDir: bDir, kdf: CHEAP_KDF })
    await ok(again.unlock({ passphrase: PASS }))
    const page = await ok(again.feed({ groupId: g.id, limit: 20 }))
    // Not held: the targets are the restored lengths, read already, and no peer was met.
    expect(page.preview).toBeUndefined()
    expect(page.posts.map((p) => p.text)).toEqual(['before the export'])
    await again.close()
    expect((await withMeta(bDir, g.id, async (meta) => meta)).firstSync).toBeUndefined()
  })
})
