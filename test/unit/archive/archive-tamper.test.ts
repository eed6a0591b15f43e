/**
 * A damaged, cut, reordered, forged, wrongly unlocked or newer archive is refused with its own
 * code, and nothing is imported: the restoring profile still has no group afterwards, and the
 * intact archive restores into that same profile at the end.
 */
import { open, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../../core/api.ts'
import { createService, type HearthService } from '../../../core/service.ts'
import { ARCHIVE_HEADER_BYTES, ContainerWriter, sealedChunkBytes, DEFAULT_CHUNK_SIZE } from '../../../core/archive/archive-container.ts'
import { decodeKeys, decodeMeta, EntryType, EntryWriter, readEntries, type Entry } from '../../../core/archive/archive-entries.ts'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { ok } from '../../helpers/service.ts'
import { makeTempDir } from '../../helpers/temp-dir.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { rmSync } from 'node:fs'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const ARCHIVE_PASS = 'archive passphrase, long enough'
const rnd = seededRandom(Number(process.env.HEARTH_TEST_SEED ?? 7117))
let root: string
let original: Buffer
let restorer: HearthService
let groupId: string

beforeAll(async () => {
  root = makeTempDir()
  const a = createService({ profileDir: path.join(root, 'a'), kdf: CHEAP_KDF })
  await ok(a.createProfile({ passphrase: 'profile passphrase', name: 'Alder' }))
  groupId = (await ok(a.createGroup({ name: 'Circle' }))).id
  await ok(a.setRules({ groupId, text: 'Be kind.' }))
  // Enough words for several 64 KiB chunks.
  for (let i = 0; i < 90; i++) await ok(a.post({ groupId, text: `post ${i} ${'words '.repeat(200)}` }))
  await ok(a.exportGroup({ groupId, format: 'archive', path: path.join(root, 'good.hearth'), archivePassphrase: ARCHIVE_PASS }))
  await a.close()
  original = await readFile(path.join(root, 'good.hearth'))
  restorer = createService({ profileDir: path.join(root, 'b'), kdf: CHEAP_KDF })
  await ok(restorer.createProfile({ passphrase: 'profile passphrase b' }))
}, 60_000)

afterAll(async () => {
  await restorer.close()
  rmSync(root, { recursive: true, force: true })
})

async function attempt(bytes: Uint8Array, passphrase = ARCHIVE_PASS): Promise<ErrorCode | 'ok'> {
  const file = path.join(root, 'attempt.hearth')
  await writeFile(file, bytes)
  const r = await restorer.restoreArchive({ path: file, archivePassphrase: passphrase })
  expect(await ok(restorer.listGroups({}))).toEqual([])
  return r.ok ? 'ok' : r.error.code
}

function flipped(at: number): Buffer {
  const b = Buffer.from(original)
  b[at] = (b[at] as number) ^ (1 << rnd.int(0, 7))
  return b
}

describe('archive tampering', () => {
  it('spans several chunks', () => {
    const chunks = (original.length - ARCHIVE_HEADER_BYTES) / sealedChunkBytes(DEFAULT_CHUNK_SIZE)
    expect(Number.isInteger(chunks) && chunks >= 3).toBe(true)
  })

  it('refuses a flipped bit in every header byte: ARCHIVE_VERSION for the version byte, else ARCHIVE_CORRUPT', async () => {
    for (let at = 0; at < ARCHIVE_HEADER_BYTES; at++) {
      expect([at, await attempt(flipped(at))]).toEqual([at, at === 8 ? 'ARCHIVE_VERSION' : 'ARCHIVE_CORRUPT'])
    }
  }, 60_000)

  it(`refuses a flipped bit anywhere in the sealed body (seed ${rnd.seed})`, async () => {
    const spots = [ARCHIVE_HEADER_BYTES, original.length - 1, ...Array.from({ length: 40 }, () => rnd.int(ARCHIVE_HEADER_BYTES, original.length - 1))]
    for (const at of spots) expect([at, await attempt(flipped(at))]).toEqual([at, 'ARCHIVE_CORRUPT'])
  }, 60_000)

  it('refuses a cut archive as ARCHIVE_TRUNCATED, wherever it is cut', async () => {
    const chunk = sealedChunkBytes(DEFAULT_CHUNK_SIZE)
    const cuts = [0, 5, 40, ARCHIVE_HEADER_BYTES, ARCHIVE_HEADER_BYTES + 100, ARCHIVE_HEADER_BYTES + chunk, ARCHIVE_HEADER_BYTES + 2 * chunk, original.length - 1]
    for (const n of cuts) expect([n, await attempt(original.subarray(0, n))]).toEqual([n, 'ARCHIVE_TRUNCATED'])
  }, 30_000)

  it('refuses bytes added after the end, and chunks swapped or repeated, as ARCHIVE_CORRUPT', async () => {
    const chunk = sealedChunkBytes(DEFAULT_CHUNK_SIZE)
    const c = (i: number): Buffer => original.subarray(ARCHIVE_HEADER_BYTES + i * chunk, ARCHIVE_HEADER_BYTES + (i + 1) * chunk)
    const head = original.subarray(0, ARCHIVE_HEADER_BYTES)
    const rest = original.subarray(ARCHIVE_HEADER_BYTES + 2 * chunk)
    expect(await attempt(Buffer.concat([original, Buffer.from([0])]))).toBe('ARCHIVE_CORRUPT')
    expect(await attempt(Buffer.concat([original, c(0)]))).toBe('ARCHIVE_CORRUPT')
    expect(await attempt(Buffer.concat([head, c(1), c(0), rest]))).toBe('ARCHIVE_CORRUPT')
    expect(await attempt(Buffer.concat([head, c(0), c(0), rest]))).toBe('ARCHIVE_CORRUPT')
  }, 30_000)

  it('refuses a wrong archive passphrase as ARCHIVE_PASSPHRASE', async () => {
    expect(await attempt(original, 'not the archive passphrase')).toBe('ARCHIVE_PASSPHRASE')
  })

  it('refuses a newer version as ARCHIVE_VERSION, whatever else the file holds', async () => {
    const b = Buffer.from(original)
    b[8] = 2
    expect(await attempt(b)).toBe('ARCHIVE_VERSION')
    expect(await attempt(Buffer.concat([b.subarray(0, 9), Buffer.from('future layout')]))).toBe('ARCHIVE_VERSION')
  })

  it('refuses forged archives made with the passphrase: blocks swapped and re-signed, a block rewritten and re-signed', async () => {
    const entries = await readAll()
    const blocks = entries.map((e, i) => (e.type === EntryType.Block ? i : -1)).filter((i) => i >= 0)
    const swapped = [...entries]
    const [x, y] = [blocks[3] as number, blocks[4] as number]
    ;[swapped[x], swapped[y]] = [swapped[y] as Entry, swapped[x] as Entry]
    expect(await attempt(await forge(swapped))).toBe('ARCHIVE_CORRUPT')

    // A block of the log rewritten: the manifest is re-signed by the identity the archive
    // holds, but the block no longer matches its log owner's Hypercore signature.
    const rewritten = [...entries]
    const target = rewritten[blocks[5] as number] as Entry
    const body = Buffer.from(target.body)
    // log number, fork, index, value length: the sealed block itself starts at byte 16
    body[16] = (body[16] as number) ^ 1
    rewritten[blocks[5] as number] = { ...target, body }
    const forged = path.join(root, 'forged-block.hearth')
    await writeFile(forged, await forge(rewritten))
    const r = await restorer.restoreArchive({ path: forged, archivePassphrase: ARCHIVE_PASS })
    expect(r.ok ? null : r.error).toMatchObject({ code: 'ARCHIVE_CORRUPT', message: expect.stringContaining('signature') })
    expect(await ok(restorer.listGroups({}))).toEqual([])
  }, 30_000)

  it('refuses what is not an archive: no file, a folder, an empty file, other bytes', async () => {
    const code = async (p: string): Promise<string | null> => {
      const r = await restorer.restoreArchive({ path: p, archivePassphrase: ARCHIVE_PASS })
      expect(await ok(restorer.listGroups({}))).toEqual([])
      return r.ok ? null : r.error.code
    }
    expect(await code(path.join(root, 'missing.hearth'))).toBe('NOT_FOUND')
    expect(await code(root)).toBe('NOT_FOUND')
    expect(await code('relative.hearth')).toBe('INVALID_INPUT')
    expect(await attempt(new Uint8Array(0))).toBe('ARCHIVE_TRUNCATED')
    expect(await attempt(Buffer.from('<html>not an archive at all, just some text that is long enough</html>'.repeat(3)))).toBe('ARCHIVE_CORRUPT')
    expect(await attempt(Buffer.concat([Buffer.from('HEARTHAR'), Buffer.alloc(200, 0xab)]))).toBe('ARCHIVE_VERSION')
  })

  it('still restores the intact archive into the same profile afterwards', async () => {
    const file = path.join(root, 'good.hearth')
    expect((await ok(restorer.restoreArchive({ path: file, archivePassphrase: ARCHIVE_PASS }))).id).toBe(groupId)
    expect((await ok(restorer.feed({ groupId, limit: 100 }))).posts).toHaveLength(90)
  })
})

async function readAll(): Promise<Entry[]> {
  const fh = await open(path.join(root, 'good.hearth'), 'r')
  const out: Entry[] = []
  try {
    for await (const e of readEntries(fh, ARCHIVE_PASS)) if (e.type !== EntryType.Manifest) out.push(e)
  } finally {
    await fh.close()
  }
  return out
}

/** Writes entries into a new archive with a manifest signed by the identity the archive holds. */
async function forge(entries: Entry[]): Promise<Buffer> {
  const file = path.join(root, 'forged.hearth')
  const fh = await open(file, 'w')
  try {
    const w = new EntryWriter(await ContainerWriter.create(fh, ARCHIVE_PASS, { kdf: CHEAP_KDF }))
    for (const e of entries) await w.entry(e.type, e.body)
    const meta = decodeMeta((entries[0] as Entry).body)
    await w.finish(meta, identityFromSeed(decodeKeys((entries[1] as Entry).body).seed))
  } finally {
    await fh.close()
  }
  return readFile(file)
}
