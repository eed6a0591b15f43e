/**
 * Initial sync from shared checkpoints, across processes on a loopback testnet (issue 4): A hosts
 * a group whose members' logs hold shared checkpoints (built as scripts/bench/big-group.ts builds
 * the benchmark's group), the latest of A's own leaving out A's newest post. B joins by code in
 * its own process; right after its initial sync its store holds, below each checkpoint, only the
 * blocks the checkpoint lists (governance), never the updates it covers, and the left-out post is
 * not there yet (B's backfill is held back by a test knob to look at that). C, another newcomer,
 * stays online: in the background (backfill, as soon as its initial sync is done) it fetches and reads what the checkpoints stood for, and ends with exactly
 * A's feed — the left-out post included.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GroupMeta } from '../../../core/group/group-meta.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { TEST_BACKFILL_ENV } from '../../../core/group/checkpoint-backfill.ts'
import { decodeCheckpointPart, encodeCheckpointParts } from '../../../core/group/shared-checkpoint.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { BlockKind, decodeBlock, encodeBlock } from '../../../core/store/block-codec.ts'
import * as Y from 'yjs'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../../../core/store/log-store.ts'
import { Vault } from '../../../core/store/vault.ts'
import { buildBigGroup } from '../../../scripts/bench/big-group.ts'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { PASS, usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

describe('initial sync of a group with shared checkpoints', () => {
  it('a newcomer reads each log from its checkpoint, fetching none of the updates it covers; a backfill later brings what a checkpoint left out', async () => {
    const boot = await scene.testnet()
    const root = tempDir()
    // 3 members × 1,200 updates: each log gets a checkpoint at block ~1,000 and a tail after it.
    const { groupId } = await buildBigGroup(path.join(root, 'a'), PASS, 3_600, 3)
    await leaveOutNewestPost(path.join(root, 'a'), groupId)
    const a = await scene.start(path.join(root, 'a'), boot)
    await a.ok('unlock', { passphrase: PASS })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online, 30_000)
    const { code } = await a.ok('createInvite', { groupId })
    const total = (await a.ok('groupStatus', { groupId })).blocks

    const bDir = path.join(root, 'b')
    // B's backfill held back (a test knob): its store is looked at as the initial sync left it.
    const b = await scene.start(bDir, boot, { [TEST_BACKFILL_ENV]: '600000' })
    await b.ok('createProfile', { passphrase: PASS, name: 'Newcomer' })
    expect(await b.ok('joinGroup', { code, waitMs: 30_000 }, 40_000)).toEqual({ group: groupId, status: 'admitted' })
    await b.until(async () => (await b.ok('groupStatus', { groupId })).blocks >= total, 30_000)
    const leftOut = async (p: Peer): Promise<boolean> => (await p.ok('feed', { groupId, limit: 5 })).posts.some((x) => x.text === LEFT_OUT)
    expect(await leftOut(a)).toBe(true)
    expect(await leftOut(b)).toBe(false)
    expect((await b.ok('members', { groupId })).length).toBe(4)
    await scene.stop(b)

    // What B's store holds: below each checkpoint, exactly the blocks it lists.
    const vault = new Vault(bDir)
    await vault.unlock(PASS)
    const meta = JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`))) as GroupMeta
    const epochKey = vault.get(`group/${groupId}/epoch/0`) as Uint8Array
    const store = await LogStore.open(bDir, vault.subkey(LOG_STORE_KEY_PURPOSE))
    try {
      expect(meta.seedCheckpoints?.length).toBe(3)
      let skipped = 0
      for (const [key, start] of meta.seedCheckpoints ?? []) {
        const log = await store.openPeerLog(Buffer.from(key, 'hex'))
        const first = await log.get(start)
        expect(first).not.toBeNull()
        const listed = decodeCheckpointPart(decodeBlock(first as Uint8Array, () => epochKey).payload, start).uncovered
        const held: number[] = []
        for (let i = 0; i < start; i++) if ((await log.get(i)) !== null) held.push(i)
        expect(held).toEqual(listed)
        for (let i = start; i < log.length; i++) expect(await log.get(i), `block ${i} of the tail`).not.toBeNull()
        skipped += start - listed.length
      }
      expect(skipped).toBeGreaterThan(2_900)
    } finally {
      await store.close()
      vault.lock()
    }

    // Backfill: C stays online and, after its initial sync, fetches what the checkpoints stood for.
    const c = await scene.start(path.join(root, 'c'), boot)
    await c.ok('createProfile', { passphrase: PASS, name: 'Second newcomer' })
    const { code: forC } = await a.ok('createInvite', { groupId })
    await c.ok('joinGroup', { code: forC, waitMs: 30_000 }, 40_000)
    await c.until(async () => (await c.ok('groupStatus', { groupId })).blocks >= total, 30_000)
    expect(await leftOut(c)).toBe(false)
    await c.until(() => leftOut(c), 60_000)
    // The same posts, threads and reactions (`mine` differs between two people, so it is left out).
    const page = async (p: Peer, before?: string): Promise<string> =>
      JSON.stringify((await p.ok('feed', { groupId, limit: 100, ...(before ? { before } : {}) })).posts, (k, v: unknown) => (k === 'mine' ? undefined : v))
    for (const at of [undefined, 1_700_000_100_000, 1_700_000_600_000]) {
      const before = at === undefined ? undefined : `${at}~${'f'.repeat(64)}:${'f'.repeat(16)}`
      const theirs = await page(a, before)
      expect(JSON.parse(theirs).length).toBe(100)
      expect(await page(c, before)).toBe(theirs)
    }
  }, 150_000)
})

const LEFT_OUT = 'a post the newest checkpoint leaves out'

/**
 * As a dishonest (or careless) writer could: A posts once more, then appends a checkpoint of its
 * member doc as it was before that post, listing the same blocks as its previous checkpoint.
 */
async function leaveOutNewestPost(dir: string, groupId: string): Promise<void> {
  const vault = new Vault(dir)
  await vault.unlock(PASS)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  try {
    const space = await reg.space(groupId)
    const docId = memberDocId(space.me)
    const state = Y.encodeStateAsUpdate(space.docs.doc(docId))
    await space.change(docId, (d) => void new MemberDoc(d, space.me).addPost({ topic: 'check-in', text: LEFT_OUT, cw: null }, Date.now()))
    const key = vault.get(`group/${groupId}/epoch/0`) as Uint8Array
    const previous = space.sharedCheckpoints.get(space.own.key) as number
    const listed = decodeCheckpointPart(decodeBlock(await space.own.get(previous) as Uint8Array, () => key).payload, previous).uncovered
    for (const payload of encodeCheckpointParts(docId, space.own.length, listed, state)) {
      await space.own.append(encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId, payload }, key))
    }
  } finally {
    await reg.lockNow()
    vault.lock()
  }
}
