/**
 * Writing a group's archive (layout: archive-container.ts and archive-entries.ts): every block of
 * every device log governance names, as this device holds it, each with its Hypercore proof so a
 * restore can check it against its author's signature; the member's identity and the group's
 * keys; a manifest signed by the member. Governance and everything else travel as the blocks
 * they are (sealed under the epoch keys), so new event kinds need nothing here.
 *
 * Streamed: one block is read, proved and sealed at a time.
 */
import type { FileHandle } from 'node:fs/promises'
import { errors } from '../errors.ts'
import type { Identity } from '../crypto/identity.ts'
import type { KdfParams } from '../crypto/kdf.ts'
import type { LogStore } from '../store/log-store.ts'
import { blockProof, PROOF_WINDOW, ProofPlanner, upgradeProof } from '../store/log-proofs.ts'
import { hasRescued } from '../store/rescue-store.ts'
import { ByteWriter } from '../store/bytes.ts'
import { ContainerWriter } from './archive-container.ts'
import { encodeKeys, EntryType, EntryWriter, metaBytes, type ArchiveKeys, type ArchiveMeta } from './archive-entries.ts'

/** Block proofs read at once (16 measured fastest: more parallel reads cost more than they save). */
const READS = 16

export interface ArchiveSource {
  groupId: string
  name: string
  identity: Identity
  keys: ArchiveKeys
  /** Device log keys (hex) governance names, our own included. */
  logs: string[]
  store: LogStore
}

export interface RunControl {
  onProgress?(done: number, total: number): void
  /** Checked between blocks: true stops the export with EXPORT_CANCELLED. */
  cancelled?(): boolean
  now(): number
  /** Tests only: a cheaper argon2id. */
  kdf?: KdfParams
}

export async function writeArchive(fh: FileHandle, passphrase: string, src: ArchiveSource, run: RunControl): Promise<{ items: number; bytes: number }> {
  const sessions = []
  try {
    const logs: { key: string; signer: Uint8Array; length: number; count: number; session: Awaited<ReturnType<LogStore['replicationSession']>> }[] = []
    for (const key of src.logs) {
      const session = await src.store.replicationSession(Buffer.from(key, 'hex'))
      sessions.push(session)
      const signer = session.manifest?.signers[0]?.publicKey
      if (!signer) throw errors.INTERNAL('a log has no manifest')
      // Blocks rescued below a freeze live outside Hypercore (core/store/rescue-store.ts), where
      // this format does not look: the archive would lack them (silently, for a copy of length 0).
      if (await hasRescued(src.store.dir, key)) throw errors.ARCHIVE_INCOMPLETE('blocks of a log frozen after its writer signed two versions reached this device outside its copy of the log; an archive cannot carry them yet')
      // Only blocks held from the start without a gap can be proved in order. A log this device
      // holds in part (still arriving, or read from a shared checkpoint, core/group/shared-
      // checkpoint.ts) would make an archive that silently lacks words: refuse instead.
      if (session.contiguousLength < session.length) throw errors.ARCHIVE_INCOMPLETE(`${session.contiguousLength} of ${session.length} blocks of a log are here`)
      if (session.length > 0) logs.push({ key, signer, length: session.length, count: session.contiguousLength, session })
    }
    const total = logs.reduce((n, l) => n + l.count, 0)
    const meta: ArchiveMeta = {
      v: 1, groupId: src.groupId, member: Buffer.from(src.identity.signPublicKey).toString('hex'), name: src.name,
      exportedAt: run.now(), logs: logs.length, blocks: total,
    }
    const container = await ContainerWriter.create(fh, passphrase, run.kdf ? { kdf: run.kdf } : {})
    try {
      const out = new EntryWriter(container)
      await out.entry(EntryType.Meta, metaBytes(meta))
      const keys = encodeKeys(src.keys)
      await out.entry(EntryType.Keys, keys)
      keys.fill(0)
      let done = 0
      for (const [n, log] of logs.entries()) {
        const head = new ByteWriter().hex32(log.key).raw(log.signer).u32(log.count).raw(await upgradeProof(log.session, log.length)).done()
        await out.entry(EntryType.Log, head)
        // Each proof carries only the nodes a restore applying PROOF_WINDOW at a time will lack
        // (log-proofs.ts); proofs are read READS at a time (Hypercore batches the reads).
        const planner = new ProofPlanner(log.length)
        for (let start = 0; start < log.count; start += PROOF_WINDOW) {
          const indexes = Array.from({ length: Math.min(PROOF_WINDOW, log.count - start) }, (_, k) => start + k)
          const nodes = planner.window(indexes)
          for (let r = 0; r < indexes.length; r += READS) {
            if (run.cancelled?.()) throw errors.EXPORT_CANCELLED()
            const proofs = await Promise.all(indexes.slice(r, r + READS).map((i, k) => blockProof(log.session, i, log.length, nodes[r + k])))
            for (const proof of proofs) {
              await out.entry(EntryType.Block, new ByteWriter().u32(n).raw(proof).done())
              if (++done % 250 === 0) run.onProgress?.(done, total)
            }
          }
        }
      }
      await out.finish(meta, src.identity)
      run.onProgress?.(total, total)
      return { items: total, bytes: container.bytesWritten }
    } finally {
      container.abort()
    }
  } finally {
    for (const s of sessions) await s.close().catch(() => undefined)
  }
}
