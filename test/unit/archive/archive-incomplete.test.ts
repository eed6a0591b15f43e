/**
 * An archive is the group's whole history or nothing: a device that holds a fellow member's log
 * only in part (still arriving, or read from a shared checkpoint) refuses to export, with
 * ARCHIVE_INCOMPLETE, and leaves no file behind. So does a device whose blocks of a log below a
 * freeze reached it outside its Hypercore copy (core/store/rescue-store.ts): they cannot travel in
 * this format yet, and before, a copy of length 0 was skipped and the archive silently lacked the
 * log (session 15 review, F6). Real Corestores in temp folders; the partial log is made the way
 * replication makes one, from the author's own proofs; the rescue file is where group-online keeps it.
 */
import { existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeArchive } from '../../../core/archive/archive-export.ts'
import { generateIdentity } from '../../../core/crypto/identity.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { HearthError } from '../../../core/errors.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import type { DeviceLog } from '../../../core/store/device-log.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import { applyProof, blockProof, decodeBlock, decodeUpgrade, ProofPlanner, upgradeProof } from '../../../core/store/log-proofs.ts'
import { LogStore } from '../../../core/store/log-store.ts'
import { RescueStore, rescueDirOf } from '../../../core/store/rescue-store.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()

interface Scene {
  root: string
  author: LogStore
  reader: LogStore
  epoch: Uint8Array
  log: DeviceLog
  key: string
  /** The author's session and the reader's copy of its log (the copy heard no length yet). */
  src: HypercoreSession
  dst: HypercoreSession
  blocks: Uint8Array[]
}

/** An author writing `count` blocks in its log and a reader's empty copy of it, each in its own LogStore; both closed after `fn`. */
async function withAuthorAndReader(count: number, fn: (s: Scene) => Promise<void>): Promise<void> {
  const root = tempDir()
  const author = await LogStore.open(path.join(root, 'author'), randomBytes(32))
  const reader = await LogStore.open(path.join(root, 'reader'), randomBytes(32))
  try {
    const epoch = randomBytes(32)
    const log = await author.openDeviceLog('m-test')
    const blocks = Array.from({ length: count }, (_, i) => encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: 'member/x', payload: Uint8Array.of(i) }, epoch))
    for (const b of blocks) await log.append(b)
    const src = await author.replicationSession(log.key)
    const signer = src.manifest?.signers[0]?.publicKey as Uint8Array
    const dst = await reader.importSession(signer, log.key)
    await fn({ root, author, reader, epoch, log, key: Buffer.from(log.key).toString('hex'), src, dst, blocks })
  } finally {
    await author.close()
    await reader.close()
  }
}

/** Writes an archive of the scene's log from `store` to `name`: what it wrote, or the error it ended with. */
async function archive(s: Scene, store: LogStore, name: string): Promise<{ items: number } | HearthError> {
  const fh = await open(path.join(s.root, name), 'w')
  const source = { groupId: '00'.repeat(16), name: 'Circle', identity: generateIdentity(), store, keys: { seed: randomBytes(32), secret: randomBytes(32), epochs: [[0, s.epoch]] as [number, Uint8Array][] }, logs: [s.key] }
  try {
    return await writeArchive(fh, 'archive passphrase', source, { now: Date.now, kdf: CHEAP_KDF }).catch((e: unknown) => e as HearthError)
  } finally {
    await fh.close()
  }
}

const codeOf = (r: { items: number } | HearthError): string | null => (r instanceof HearthError ? r.code : null)

describe('archive of a group this device holds only in part', () => {
  it('is refused with ARCHIVE_INCOMPLETE, while the same logs held whole export', async () => {
    await withAuthorAndReader(10, async (s) => {
      await applyProof(s.dst, decodeUpgrade(await upgradeProof(s.src, 10)))
      // Only the first four blocks arrive.
      const planner = new ProofPlanner(10)
      const indexes = [0, 1, 2, 3]
      const nodes = planner.window(indexes)
      for (const [k, i] of indexes.entries()) await applyProof(s.dst, decodeBlock(await blockProof(s.src, i, 10, nodes[k])))
      expect(s.dst.length).toBe(10)
      expect(s.dst.contiguousLength).toBe(4)
      expect(codeOf(await archive(s, s.reader, 'partial.hearth'))).toBe('ARCHIVE_INCOMPLETE')

      // The author holds the same log whole: its archive is written.
      const res = await archive(s, s.author, 'whole.hearth')
      expect(res instanceof HearthError ? res.code : res.items).toBeGreaterThanOrEqual(10)
      expect(existsSync(path.join(s.root, 'whole.hearth'))).toBe(true)
    })
  })

  it('with blocks rescued below a freeze is refused with ARCHIVE_INCOMPLETE, not written without them', async () => {
    await withAuthorAndReader(1, async (s) => {
      // The reader's copy heard no length; block 0 came through the below-freeze exchange.
      expect(s.dst.length).toBe(0)
      const { store } = await RescueStore.open(rescueDirOf(s.reader.dir), s.key, () => true)
      await store.put([{ index: 0, value: s.blocks[0] as Uint8Array, path: [] }])
      expect(codeOf(await archive(s, s.reader, 'rescued.hearth'))).toBe('ARCHIVE_INCOMPLETE')
      expect(existsSync(path.join(s.root, 'reader', 'rescued', `${s.key}.rescued`))).toBe(true)
    })
  })
})
