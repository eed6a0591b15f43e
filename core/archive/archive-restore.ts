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
 * While importing, each log's blocks (as the archive holds them, one log at a time) go through a
 * GroupSpace exactly as on opening a group — decrypted, governance replayed, the write rule
 * applied — and the caller seals a checkpoint of the result, so the group then opens without
 * reading every block back from the store.
 *
 * A log this store already held another version of (left by an earlier restore) is evidence of
 * a rewrite, not damage: archive-fork.ts turns the two versions into a `log.fork` event, written
 * right after `device.add` (the log is then frozen there on every peer), and the restore goes on.
 *
 * The vault learns of the group last, in one write, so a failure anywhere leaves no group behind
 * (log copies already filled, and the new empty log, stay in the store as unreferenced ciphertext).
 */
import { open } from 'node:fs/promises'
import { errors } from '../errors.ts'
import { identityFromSeed } from '../crypto/identity.ts'
import { randomBytes } from '../crypto/random.ts'
import { copyBytes, wipe } from '../crypto/wipe.ts'
import type { DeviceLog } from '../store/device-log.ts'
import type { LogStore } from '../store/log-store.ts'
import { applyProof, decodeBlock, decodeUpgrade, PROOF_WINDOW } from '../store/log-proofs.ts'
import type { HypercoreSession } from '../store/holepunch.ts'
import type { Vault } from '../store/vault.ts'
import { GroupSpace, type AppendLog, type ReadLog } from '../group/group-space.ts'
import type { GroupMeta } from '../group/group-meta.ts'
import { newGroupEntries } from '../group/group-vault.ts'
import type { ForkEvidence } from '../group/equivocation.ts'
import { archiveFork } from './archive-fork.ts'
import { quotaEndFromSizes } from '../group/log-quota.ts'
import { EntryType, readEntries, verifyArchive, type VerifiedArchive } from './archive-entries.ts'

export interface RestoreContext {
  vault: Vault
  store: LogStore
  now(): number
  onProgress?(done: number, total: number): void
}


async function fileHandle(file: string): ReturnType<typeof open> {
  let fh: Awaited<ReturnType<typeof open>> | null = null
  try {
    fh = await open(file, 'r')
    if ((await fh.stat()).isFile()) return fh
  } catch {
    // named below
  }
  await fh?.close()
  throw errors.NOT_FOUND('there is no archive file at that path')
}

export async function restoreArchive(file: string, passphrase: string, ctx: RestoreContext): Promise<{ groupId: string; space: GroupSpace }> {
  const fh = await fileHandle(file)
  let space: GroupSpace | null = null
  try {
    const v = await verifyArchive(fh, passphrase)
    const groupId = v.meta.groupId
    if (ctx.vault.get(`group/${groupId}`)) throw errors.ARCHIVE_GROUP_EXISTS()
    const logName = `m-${Buffer.from(randomBytes(12)).toString('hex')}`
    const own = await ctx.store.openDeviceLog(logName)
    const epochs = new Map(v.keys.epochs.map(([n, k]): [number, Uint8Array] => [n, copyBytes(k)]))
    const s = new GroupSpace(appendLog(own), { identity: identityFromSeed(v.keys.seed), epochs, current: Math.max(...epochs.keys()) }, { groupId })
    space = s
    const { keys, forks } = await importLogs(fh, passphrase, v, ctx, (log) => s.catchUp(log))
    // The copies in the store replace the blocks held in memory while importing.
    for (const key of keys) await s.catchUp(await ctx.store.openPeerLog(Buffer.from(key, 'hex')))
    await addDevice(s, v, logName, keys, ctx, forks)
    return { groupId, space: s }
  } catch (e) {
    space?.dropKeys()
    throw e
  } finally {
    await fh.close()
  }
}

/** One log's blocks, from the archive, as a group space reads a log. */
function memoryLog(key: string, blocks: Uint8Array[]): ReadLog {
  return { key, length: blocks.length, get: async (i) => blocks[i] ?? null, quotaEnd: async (q) => quotaEndFromSizes(blocks.map((b) => b.length), q) }
}

function appendLog(log: DeviceLog): AppendLog {
  const key = Buffer.from(log.key).toString('hex')
  return { key, get length() { return log.length }, get byteLength() { return log.byteLength }, append: (b) => log.append(b), get: (i) => log.get(i), quotaEnd: (q) => log.quotaEnd(q) }
}

/**
 * The second pass: fills the store's copies of the logs from their proofs and hands each log's
 * blocks (as read from the archive) to `read` once the log is complete. Returns the log keys.
 */
async function importLogs(fh: Parameters<typeof readEntries>[0], passphrase: string, v: VerifiedArchive, ctx: RestoreContext, read: (log: ReadLog) => Promise<void>): Promise<{ keys: string[]; forks: ForkEvidence[] }> {
  const sessions: HypercoreSession[] = []
  const forks: ForkEvidence[] = []
  /** The log being read, when this store held a copy of it already: that copy as it was, and whether it refused a proof. */
  let held: { snap: HypercoreSession; signer: Uint8Array; upgrade: ReturnType<typeof decodeUpgrade>; refused: unknown } | null = null
  const keys: string[] = []
  const total = v.meta.blocks
  let i = 0
  let done = 0
  let current: HypercoreSession | null = null
  let blocks: Uint8Array[] = []
  // Block proofs are applied PROOF_WINDOW at a time, windows aligned at block 0, each once the one
  // before is stored: that is what the exporter planned their nodes for (log-proofs.ts), and
  // Hypercore verifies a window's proofs together and writes them in one batch.
  let window: Promise<void>[] = []
  let failure: unknown = null
  const apply = (session: HypercoreSession, proof: Parameters<typeof applyProof>[1]): Promise<void> => {
    const h = held
    return applyProof(session, proof).catch((e: unknown) => {
      // A copy held before may hold another version: judged at the log's end (archive-fork.ts).
      if (h) h.refused ??= e
      else failure ??= e
    })
  }
  const drain = async (): Promise<void> => {
    const w = window
    window = []
    await Promise.all(w)
    if (failure) throw failure
  }
  const finishLog = async (): Promise<void> => {
    await drain()
    const key = keys.at(-1)
    const h = held
    held = null
    if (h && key !== undefined) {
      const evidence = await archiveFork(key, h.signer, h.snap, h.upgrade, blocks).finally(() => h.snap.close().catch(() => undefined))
      if (evidence) forks.push(evidence)
      else if (h.refused) throw h.refused
    }
    if (key !== undefined) await read(memoryLog(key, blocks))
    blocks = []
  }
  try {
    for await (const e of readEntries(fh, passphrase)) {
      if (e.type === EntryType.Manifest) break
      if (!Buffer.from(e.hash).equals(Buffer.from(v.hashes[i++] ?? []))) throw errors.ARCHIVE_CORRUPT('the file changed while it was read')
      if (e.type === EntryType.Keys) e.body.fill(0) // the first pass already holds them
      if (e.type === EntryType.Log) {
        await finishLog()
        const key = e.body.subarray(0, 32)
        current = await ctx.store.importSession(e.body.slice(32, 64), key)
        sessions.push(current)
        const upgrade = decodeUpgrade(e.body.subarray(68))
        if (current.length > 0) {
          const snap = current.snapshot()
          await snap.ready()
          held = { snap, signer: e.body.slice(32, 64), upgrade, refused: null }
        }
        if (current.length < (upgrade.upgrade?.length ?? 0)) await apply(current, upgrade)
        await drain()
        keys.push(Buffer.from(key).toString('hex'))
      } else if (e.type === EntryType.Block && current) {
        const proof = decodeBlock(e.body.subarray(4))
        blocks.push(proof.block.value ?? new Uint8Array(0))
        if (current.contiguousLength <= proof.block.index) window.push(apply(current, proof))
        if ((proof.block.index + 1) % PROOF_WINDOW === 0) await drain()
        if (++done % 250 === 0) ctx.onProgress?.(done, total)
      }
    }
    await finishLog()
  } finally {
    await held?.snap.close().catch(() => undefined)
    await Promise.all(window)
    for (const s of sessions) await s.close().catch(() => undefined)
  }
  return { keys, forks }
}

/**
 * The new device log speaks for the member from its block 0 (`device.add`); a member governance
 * no longer lists cannot come back this way. Then the vault entries, in one write.
 */
async function addDevice(space: GroupSpace, v: VerifiedArchive, logName: string, logs: string[], ctx: RestoreContext, forks: ForkEvidence[]): Promise<void> {
  const { meta, keys } = v
  try {
    if (space.own.length === 0) {
      await space.writeGovernance({ v: 1, kind: 'device.add', group: meta.groupId, author: meta.member, at: ctx.now(), seen: space.seen(), body: { device: space.own.key } })
    }
    if (!space.groupId || !space.governance.knowsLog(space.own.key)) throw errors.NOT_ALLOWED('this member is no longer in the group')
    // Another version of a log met while restoring: every peer learns of it from here.
    for (const evidence of forks) await space.reportFork(evidence)
    // seedLogs: where governance is read from if the checkpoint is ever lost (the new log holds none).
    const groupMeta: GroupMeta = { v: 1, id: meta.groupId, log: logName, createdAt: ctx.now(), name: meta.name, seedLogs: logs }
    await ctx.vault.setMany(newGroupEntries(groupMeta, { identity: keys.seed, secret: keys.secret, epochs: keys.epochs }))
  } finally {
    wipe(keys.seed)
    wipe(keys.secret)
    for (const [, k] of keys.epochs) wipe(k)
  }
}
