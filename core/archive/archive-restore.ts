/**
 * Restoring a group from its archive into this profile (DESIGN.md §5, issue 7). Two passes over
 * the file: the first (verifyArchive) checks every chunk, entry and the member's signed manifest
 * and imports nothing; only then the second reads the file again, requires each entry to hash as
 * the manifest said, and fills copies of the group's device logs from their Hypercore proofs
 * (core/store/log-proofs.ts), each block checked against its author's signature.
 *
 * The member then continues from a NEW device log of this profile: its first block is
 * `device.add`, signed by the member identity from the archive, which is how every peer's
 * governance learns that the log speaks for that member (governance.ts). The old log stays a
 * read-only copy; writing to it from two computers would fork it.
 *
 * The vault learns of the group last, in one write, so a failure anywhere leaves no group behind
 * (log copies already filled stay in the store as unreferenced ciphertext).
 */
import { open } from 'node:fs/promises'
import { errors } from '../errors.ts'
import { identityFromSeed, wipeIdentity } from '../crypto/identity.ts'
import { randomBytes } from '../crypto/random.ts'
import { wipe } from '../crypto/wipe.ts'
import { BlockKind, encodeBlock } from '../store/block-codec.ts'
import type { LogStore } from '../store/log-store.ts'
import { applyProof, decodeBlock, decodeUpgrade } from '../store/log-proofs.ts'
import type { HypercoreSession } from '../store/holepunch.ts'
import type { Vault } from '../store/vault.ts'
import { signEvent } from '../group/gov-event.ts'
import { json, type GroupMeta } from '../group/group-meta.ts'
import { EntryType, readEntries, verifyArchive, type VerifiedArchive } from './archive-entries.ts'

export interface RestoreContext {
  vault: Vault
  store: LogStore
  now(): number
  onProgress?(done: number, total: number): void
}

const GOVERNANCE_DOC = 'governance'
/** Block proofs applied together (and held in memory at once): about 1 KB each. */
const WINDOW = 512

async function fileHandle(file: string): ReturnType<typeof open> {
  try {
    return await open(file, 'r')
  } catch {
    throw errors.NOT_FOUND('there is no readable file at that path')
  }
}

export async function restoreArchive(file: string, passphrase: string, ctx: RestoreContext): Promise<{ groupId: string }> {
  const fh = await fileHandle(file)
  try {
    const v = await verifyArchive(fh, passphrase)
    const groupId = v.meta.groupId
    if (ctx.vault.get(`group/${groupId}`)) throw errors.ARCHIVE_GROUP_EXISTS()
    const lengths = await importLogs(fh, passphrase, v, ctx)
    await addDevice(v, lengths, ctx)
    return { groupId }
  } finally {
    await fh.close()
  }
}

async function importLogs(fh: Parameters<typeof readEntries>[0], passphrase: string, v: VerifiedArchive, ctx: RestoreContext): Promise<Record<string, number>> {
  const sessions: HypercoreSession[] = []
  const lengths: Record<string, number> = {}
  const total = v.meta.blocks
  let i = 0
  let done = 0
  let current: HypercoreSession | null = null
  // Block proofs each carry every node up to their root, so they do not depend on each other:
  // applied WINDOW at a time, Hypercore verifies them together and writes them in one batch.
  let window: Promise<void>[] = []
  let failure: unknown = null
  const apply = (session: HypercoreSession, proof: Parameters<typeof applyProof>[1]): Promise<void> =>
    applyProof(session, proof).catch((e: unknown) => {
      failure ??= e
    })
  const drain = async (): Promise<void> => {
    const w = window
    window = []
    await Promise.all(w)
    if (failure) throw failure
  }
  try {
    for await (const e of readEntries(fh, passphrase)) {
      if (e.type === EntryType.Manifest) break
      if (!Buffer.from(e.hash).equals(Buffer.from(v.hashes[i++] ?? []))) throw errors.ARCHIVE_CORRUPT('the file changed while it was read')
      if (e.type === EntryType.Log) {
        await drain()
        const key = e.body.subarray(0, 32)
        current = await ctx.store.importSession(e.body.slice(32, 64), key)
        sessions.push(current)
        const upgrade = decodeUpgrade(e.body.subarray(68))
        if (current.length < (upgrade.upgrade?.length ?? 0)) await applyProof(current, upgrade)
        lengths[Buffer.from(key).toString('hex')] = new DataView(e.body.buffer, e.body.byteOffset + 64).getUint32(0, true)
      } else if (e.type === EntryType.Block && current) {
        const proof = decodeBlock(e.body.subarray(4))
        if (current.contiguousLength <= proof.block.index) window.push(apply(current, proof))
        if (window.length >= WINDOW) await drain()
        if (++done % 250 === 0) ctx.onProgress?.(done, total)
      }
    }
    await drain()
  } finally {
    await Promise.all(window)
    for (const s of sessions) await s.close().catch(() => undefined)
  }
  return lengths
}

/** A new device log for this profile, opened by `device.add`; then the vault entries, in one write. */
async function addDevice(v: VerifiedArchive, lengths: Record<string, number>, ctx: RestoreContext): Promise<void> {
  const { meta, keys } = v
  const identity = identityFromSeed(keys.seed)
  try {
    const logName = `m-${Buffer.from(randomBytes(12)).toString('hex')}`
    const log = await ctx.store.openDeviceLog(logName)
    const device = Buffer.from(log.key).toString('hex')
    const [epoch, epochKey] = keys.epochs.reduce((a, b) => (b[0] > a[0] ? b : a))
    const { payload } = signEvent({ v: 1, kind: 'device.add', group: meta.groupId, author: meta.member, at: ctx.now(), seen: lengths, body: { device } }, identity.signSecretKey)
    if (log.length === 0) await log.append(encodeBlock({ epoch, kind: BlockKind.Governance, docId: GOVERNANCE_DOC, payload }, epochKey))
    const groupMeta: GroupMeta = { v: 1, id: meta.groupId, log: logName, createdAt: ctx.now(), name: meta.name, seedLogs: Object.keys(lengths) }
    await ctx.vault.setMany([
      [`group/${meta.groupId}/identity`, keys.seed],
      [`group/${meta.groupId}/secret`, keys.secret],
      ...keys.epochs.map(([n, k]): [string, Uint8Array] => [`group/${meta.groupId}/epoch/${n}`, k]),
      [`group/${meta.groupId}`, json(groupMeta)],
    ])
  } finally {
    wipeIdentity(identity)
    wipe(keys.secret)
    for (const [, k] of keys.epochs) wipe(k)
  }
}
