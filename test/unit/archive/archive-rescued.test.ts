/**
 * An archive is the group's whole history or nothing: a log whose blocks below a freeze reached
 * this device outside its Hypercore copy (core/store/rescue-store.ts) cannot travel in this format
 * yet, so the export is refused with ARCHIVE_INCOMPLETE rather than lack them; before, a copy of
 * length 0 was skipped and the archive silently lacked the log (session 15 review, F6). A real
 * LogStore in a temp folder, the rescue file where group-online keeps it.
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
import { LogStore } from '../../../core/store/log-store.ts'
import { RescueStore, rescueDirOf } from '../../../core/store/rescue-store.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()

describe('archive of a group with blocks rescued below a freeze', () => {
  it('is refused with ARCHIVE_INCOMPLETE, not written without them', async () => {
    const root = tempDir()
    const author = await LogStore.open(path.join(root, 'author'), randomBytes(32))
    const reader = await LogStore.open(path.join(root, 'reader'), randomBytes(32))
    try {
      const epoch = randomBytes(32)
      const log = await author.openDeviceLog('m-test')
      const block = encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: 'member/x', payload: Uint8Array.of(1) }, epoch)
      await log.append(block)
      const src = await author.replicationSession(log.key)
      const signer = src.manifest?.signers[0]?.publicKey as Uint8Array
      // The reader's copy heard no length; block 0 came through the below-freeze exchange.
      const dst = await reader.importSession(signer, log.key)
      expect(dst.length).toBe(0)
      const key = Buffer.from(log.key).toString('hex')
      const { store } = await RescueStore.open(rescueDirOf(reader.dir), key, () => true)
      await store.put([{ index: 0, value: block, path: [] }])

      const file = path.join(root, 'rescued.hearth')
      const fh = await open(file, 'w')
      const source = { groupId: '00'.repeat(16), name: 'Circle', identity: generateIdentity(), store: reader, keys: { seed: randomBytes(32), secret: randomBytes(32), epochs: [[0, epoch]] as [number, Uint8Array][] }, logs: [key] }
      const err = await writeArchive(fh, 'archive passphrase', source, { now: Date.now, kdf: CHEAP_KDF }).then(() => null, (e: unknown) => e)
      await fh.close()
      expect(err).toBeInstanceOf(HearthError)
      expect((err as HearthError).code).toBe('ARCHIVE_INCOMPLETE')
      expect(existsSync(path.join(root, 'reader', 'rescued', `${key}.rescued`))).toBe(true)
    } finally {
      await author.close()
      await reader.close()
    }
  })
})
