/**
 * Pins the archive format v1 (docs/formats.md, core/archive/archive-container.ts and
 * archive-entries.ts) with test/fixtures/archive/v1.hearth, written once by
 * scripts/gen-archive-fixtures.ts: the header is read here by hand, without the codec, and the
 * file must keep restoring to the group v1.json describes. Never regenerate v1 to make this pass.
 */
import { open, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyArchive } from '../../../core/archive/archive-entries.ts'
import { hash } from '../../../core/crypto/hash.ts'
import { createService } from '../../../core/service.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const dir = new URL('../../fixtures/archive/', import.meta.url)
const fixture = JSON.parse(await readFile(new URL('v1.json', dir), 'utf8')) as {
  passphrase: string; kdf: { opslimit: number; memlimit: number }; groupId: string; name: string; member: string; feed: unknown[]
}
const file = new URL('v1.hearth', dir).pathname

describe('archive v1 fixture', () => {
  it('has the v1 header, read by hand', async () => {
    const b = await readFile(file)
    const dv = new DataView(b.buffer, b.byteOffset)
    expect(b.subarray(0, 8).toString('latin1')).toBe('HEARTHAR')
    expect([b[8], b[9], b[10], b[11]]).toEqual([1, 0, 0, 0])
    expect([dv.getUint32(12, true), dv.getUint32(16, true)]).toEqual([fixture.kdf.opslimit, fixture.kdf.memlimit])
    expect(dv.getUint32(52, true)).toBe(65536)
    // BLAKE2b-128 of everything before it
    expect(Buffer.from(hash(b.subarray(0, 72), 16)).equals(b.subarray(72, 88))).toBe(true)
    // header, then whole chunks of 1 + 4 + 65536 + 16 bytes
    expect((b.length - 88) % (1 + 4 + 65536 + 16)).toBe(0)
  })

  it('verifies: description, keys of the member, signed manifest', async () => {
    const fh = await open(file, 'r')
    try {
      const v = await verifyArchive(fh, fixture.passphrase)
      expect(v.meta).toMatchObject({ v: 1, groupId: fixture.groupId, member: fixture.member, name: fixture.name, logs: 1 })
      expect(v.logs).toHaveLength(1)
    } finally {
      await fh.close()
    }
  })

  it('restores to the group it was made from', async () => {
    const svc = createService({ profileDir: path.join(tempDir(), 'p'), kdf: fixture.kdf })
    await ok(svc.createProfile({ passphrase: 'any profile passphrase' }))
    expect(await ok(svc.restoreArchive({ path: file, archivePassphrase: fixture.passphrase }))).toEqual({ id: fixture.groupId, name: fixture.name, mode: 'survivor-led', role: 'facilitator' })
    expect((await ok(svc.feed({ groupId: fixture.groupId }))).posts).toEqual(fixture.feed)
    await svc.close()
  })
})
