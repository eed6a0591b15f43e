/**
 * The keeper's mailboxes at rest, v1 (docs/formats.md "Keeper mailbox, at rest"), so a request or
 * an answer waiting at the keeper outlives a restart. One sealed file per mailbox:
 *
 *   <keeper profile>/mailboxes/<name>.box   name = hex BLAKE2b-128(key = file key, M)
 *
 * so the folder does not list the mailbox ids the keeper answers to on the wire.
 * File: the sealed-file.ts envelope, magic "HEARTHMB", version 1, under the keeper vault's subkey
 * "keeper-mailboxes" (random nonce per write; written whole and atomically, atomic-file.ts).
 * Plaintext, little-endian (times are ms as two u32s, high then low):
 *
 *   M 32 | group (access public key) 32 | topic 32 | gate 32 | expiresAt 8 | closed 1 | greeting u32+n
 *   u32 count, then count × { requestId 16 | at 8 | request u32+n | answered 1 | [answer u32+n] }
 *
 * Requests, greeting and answers are already secretbox ciphertext under the invite's mailbox key,
 * which the keeper never has; the file seals them again, with the ids, so the disk shows nothing.
 * `sizeOf` is the exact file length: what a mailbox costs the group's quota (keeper-quota.ts).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { keyedHash } from '../crypto/hash.ts'
import { errors } from '../errors.ts'
import { readFileOrNull, removeStaleTemps, syncDir, writeFileAtomic } from '../store/atomic-file.ts'
import { ByteReader, ByteWriter } from '../store/bytes.ts'
import { openSealedFile, sealFile } from '../store/sealed-file.ts'

const MAGIC = new TextEncoder().encode('HEARTHMB')
const VERSION = 1
/** magic, version, nonce 24, Poly1305 tag 16 */
const ENVELOPE = MAGIC.length + 1 + 24 + 16
const HEAD = 32 * 4 + 8 + 1 + 4
const ENTRY = 16 + 8 + 4 + 1

export interface BoxEntry { requestId: Uint8Array; request: Uint8Array; at: number; answer: Uint8Array | null }
export interface StoredBox { id: Uint8Array; group: string; topic: Uint8Array; gate: Uint8Array; expiresAt: number; greeting: Uint8Array; closed: boolean; entries: Map<string, BoxEntry> }

/** Bytes one entry adds to its mailbox's file. */
export const entrySize = (request: Uint8Array, answer: Uint8Array | null): number => ENTRY + request.length + (answer ? 4 + answer.length : 0)

/** The exact length of the mailbox's file. */
export function sizeOf(box: StoredBox): number {
  let n = ENVELOPE + HEAD + box.greeting.length + 4
  for (const e of box.entries.values()) n += entrySize(e.request, e.answer)
  return n
}

const time = (w: ByteWriter, ms: number): ByteWriter => w.u32(Math.floor(ms / 2 ** 32)).u32(ms % 2 ** 32)
const readTime = (r: ByteReader): number => r.u32() * 2 ** 32 + r.u32()

export function encodeBox(box: StoredBox, key: Uint8Array): Uint8Array {
  const w = new ByteWriter().raw(box.id).hex32(box.group).raw(box.topic).raw(box.gate)
  time(w, box.expiresAt).u8(box.closed ? 1 : 0).bytes32(box.greeting).u32(box.entries.size)
  for (const e of box.entries.values()) {
    time(w.raw(e.requestId), e.at).bytes32(e.request).u8(e.answer ? 1 : 0)
    if (e.answer) w.bytes32(e.answer)
  }
  return sealFile(MAGIC, VERSION, w.done(), key)
}

export function decodeBox(bytes: Uint8Array, key: Uint8Array): StoredBox {
  const opened = openSealedFile(bytes, MAGIC, [VERSION], key)
  if (typeof opened === 'string') throw errors.VAULT_CORRUPT(`a keeper mailbox file is ${opened === 'closed' ? 'not this keeper’s' : 'not one'}`)
  const r = new ByteReader(opened.plain, () => errors.VAULT_CORRUPT('a keeper mailbox file is cut short or too long'))
  const box: StoredBox = { id: r.raw(32), group: r.hex32(), topic: r.raw(32), gate: r.raw(32), expiresAt: readTime(r), closed: r.u8() === 1, greeting: r.bytes32(), entries: new Map() }
  for (let n = r.u32(); n > 0; n--) {
    const requestId = r.raw(16)
    const e: BoxEntry = { requestId, at: readTime(r), request: r.bytes32(), answer: r.u8() === 1 ? r.bytes32() : null }
    box.entries.set(Buffer.from(requestId).toString('hex'), e)
  }
  r.end()
  return box
}

/** The mailboxes folder: loads what a previous run left, writes each mailbox whole, one write at a time per file. */
export class MailboxFiles {
  private readonly queues = new Map<string, Promise<void>>()

  constructor(private readonly dir: string, private readonly key: Uint8Array) {}

  /** Every mailbox file that opens; a file that does not is left where it is (never deleted) and named. */
  async load(): Promise<{ boxes: StoredBox[]; unreadable: string[] }> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 })
    const boxes: StoredBox[] = []
    const unreadable: string[] = []
    for (const name of (await fs.readdir(this.dir)).filter((n) => n.endsWith('.box'))) {
      const file = path.join(this.dir, name)
      await removeStaleTemps(file)
      const bytes = await readFileOrNull(file)
      try {
        if (bytes) boxes.push(decodeBox(bytes, this.key))
      } catch {
        unreadable.push(name)
      }
    }
    return { boxes, unreadable }
  }

  /** Writes the mailbox as it is when its turn comes, so the last state always lands last. */
  save(box: StoredBox): Promise<void> {
    return this.queue(box.id, async (file) => {
      // Made at load too; again here so a keeper whose folder went missing keeps working.
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 })
      await writeFileAtomic(file, encodeBox(box, this.key))
    })
  }

  remove(id: Uint8Array): Promise<void> {
    return this.queue(id, async (file) => {
      await fs.rm(file, { force: true })
      await syncDir(this.dir)
    })
  }

  /** Resolves once every write asked for so far has landed (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.catch(() => undefined)))
  }

  private queue(id: Uint8Array, op: (file: string) => Promise<void>): Promise<void> {
    const name = Buffer.from(keyedHash(this.key, id, 16)).toString('hex')
    const run = (this.queues.get(name) ?? Promise.resolve()).catch(() => undefined).then(() => op(path.join(this.dir, `${name}.box`)))
    const tail = run.catch(() => undefined)
    this.queues.set(name, tail)
    void tail.then(() => this.queues.get(name) === tail && this.queues.delete(name))
    return run
  }
}
