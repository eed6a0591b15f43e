/**
 * Archive export and restore in one process, offline: real profiles, real Corestores in temp
 * folders, the real service. The cross-process round trip with a live peer is
 * test/integration/archive/.
 */
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { ok, wholeFeed } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const PASS = 'profile passphrase'
const ARCHIVE_PASS = 'archive passphrase, long enough'

describe('archive export and restore', () => {
  it('restores the group into a fresh profile as the same member, who can keep writing', async () => {
    const root = tempDir()
    const a = createService({ profileDir: path.join(root, 'a'), kdf: CHEAP_KDF })
    await ok(a.createProfile({ passphrase: PASS, name: 'Alder' }))
    const g = await ok(a.createGroup({ name: 'Circle' }))
    await ok(a.setRules({ groupId: g.id, text: 'Be kind.' }))
    const p = await ok(a.post({ groupId: g.id, text: 'first post', cw: 'heavy' }))
    await ok(a.reply({ groupId: g.id, to: p.id, text: 'a reply' }))
    await ok(a.react({ groupId: g.id, to: p.id, kind: 'strength' }))
    const file = path.join(root, 'circle.hearth')
    const progress: unknown[] = []
    const off = a.on('exportProgress', (p) => progress.push(p))
    const res = await ok(a.exportGroup({ groupId: g.id, format: 'archive', path: file, archivePassphrase: ARCHIVE_PASS }))
    off()
    expect(res.items).toBeGreaterThan(4)
    expect(progress.at(-1)).toEqual({ groupId: g.id, done: res.items, total: res.items })
    const feedA = await wholeFeed(a, g.id)
    const membersA = await ok(a.members({ groupId: g.id }))
    const infoA = await ok(a.groupInfo({ groupId: g.id }))
    await a.close()

    const b = createService({ profileDir: path.join(root, 'b'), kdf: CHEAP_KDF })
    await ok(b.createProfile({ passphrase: 'another passphrase' }))
    const restored = await ok(b.restoreArchive({ path: file, archivePassphrase: ARCHIVE_PASS }))
    expect(restored).toEqual({ id: g.id, name: 'Circle', mode: 'survivor-led', role: 'facilitator' })
    expect(await wholeFeed(b, g.id)).toEqual(feedA)
    expect(await ok(b.members({ groupId: g.id }))).toEqual(membersA)
    expect(await ok(b.groupInfo({ groupId: g.id }))).toEqual(infoA)
    // Same member, new device: writing works and lands as the same author.
    const p2 = await ok(b.post({ groupId: g.id, text: 'after the restore' }))
    expect(p2.id.startsWith(infoA.me)).toBe(true)
    // A second restore of the same group into this profile is refused.
    const again = await b.restoreArchive({ path: file, archivePassphrase: ARCHIVE_PASS })
    expect(again.ok ? null : again.error.code).toBe('ARCHIVE_GROUP_EXISTS')
    await b.close()
    expect(readdirSync(path.join(root, 'b', 'checkpoints')).length).toBe(1)

    // Reopened without the checkpoint the restore wrote, the profile still has everything: the
    // blocks themselves are in its store.
    rmSync(path.join(root, 'b', 'checkpoints'), { recursive: true, force: true })
    const b2 = createService({ profileDir: path.join(root, 'b'), kdf: CHEAP_KDF })
    await ok(b2.unlock({ passphrase: 'another passphrase' }))
    const feedB = await wholeFeed(b2, g.id)
    expect(feedB.map((x) => x.text)).toEqual(['after the restore', 'first post'])
    // An archive of the restored profile (the old log's copy and the new log) restores too.
    const second = path.join(root, 'again.hearth')
    await ok(b2.exportGroup({ groupId: g.id, format: 'archive', path: second, archivePassphrase: ARCHIVE_PASS }))
    await b2.close()
    const c = createService({ profileDir: path.join(root, 'c'), kdf: CHEAP_KDF })
    await ok(c.createProfile({ passphrase: 'a third passphrase' }))
    await ok(c.restoreArchive({ path: second, archivePassphrase: ARCHIVE_PASS }))
    expect(await wholeFeed(c, g.id)).toEqual(feedB)
    await c.close()
  })
})
