/**
 * An archive is the group's whole history or nothing: a device that holds a fellow member's log
 * only in part (still arriving, or read from a shared checkpoint) refuses to export, with
 * ARCHIVE_INCOMPLETE, and leaves no file behind. Real Corestores in temp folders; the partial log
 * is made the way replication makes one, from the author's own proofs.
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
import { applyProof, blockProof, decodeBlock, decodeUpgrade, ProofPlanner, upgradeProof } from '../../../core/store/log-proofs.ts'
import { LogStore } from '../../../core/store/log-store.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()

describe('archive of a group this device holds only in part', () => {
  it('is refused with ARCHIVE_INCOMPLETE, while the same logs held whole export', async () => {
    const root = tempDir()
    const author = await LogStore.open(path.join(root, 'author'), randomBytes(32))
    const reader = await LogStore.open(path.join(root, 'reader'), randomBytes(32))
    try {
      const epoch = randomBytes(32)
      const log = await author.openDeviceLog('m-test')
      for (let i = 0; i < 10; i++) await log.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: 'member/x', payload: Uint8Array.of(i) }, epoch))
      const src = await author.replicationSession(log.key)
      const signer = src.manifest?.signers[0]?.publicKey as Uint8Array
      const dst = await reader.importSession(signer, log.key)
      await applyProof(dst, decodeUpgrade(await upgradeProof(src, 10)))
      // Only the first four blocks arrive.
      const planner = new ProofPlanner(10)
      const indexes = [0, 1, 2, 3]
      const nodes = planner.window(indexes)
      for (const [k, i] of indexes.entries()) await applyProof(dst, decodeBlock(await blockProof(src, i, 10, nodes[k])))
      expect(dst.length).toBe(10)
      expect(dst.contiguousLength).toBe(4)

      const source = (store: LogStore) => ({
        groupId: '00'.repeat(16), name: 'Circle', identity: generateIdentity(), store,
        keys: { seed: randomBytes(32), secret: randomBytes(32), epochs: [[0, epoch]] as [number, Uint8Array][] },
        logs: [Buffer.from(log.key).toString('hex')],
      })
      const file = path.join(root, 'partial.hearth')
      const fh = await open(file, 'w')
      const err = await writeArchive(fh, 'archive passphrase', source(reader), { now: Date.now, kdf: CHEAP_KDF }).then(() => null, (e: unknown) => e)
      await fh.close()
      expect(err).toBeInstanceOf(HearthError)
      expect((err as HearthError).code).toBe('ARCHIVE_INCOMPLETE')

      // The author holds the same log whole: its archive is written.
      const whole = path.join(root, 'whole.hearth')
      const fh2 = await open(whole, 'w')
      const res = await writeArchive(fh2, 'archive passphrase', source(author), { now: Date.now, kdf: CHEAP_KDF })
      await fh2.close()
      expect(res.items).toBeGreaterThanOrEqual(10)
      expect(existsSync(whole)).toBe(true)
    } finally {
      await author.close()
      await reader.close()
    }
  })
})
