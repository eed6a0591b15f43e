/**
 * A member writing valid posts past the group's byte budget (issue 14, core/group/log-quota.ts).
 * OS processes on a loopback testnet: Alder (facilitator), Birch (member), Mallory
 * (quota-member.child.ts: posts straight into her own real device log, past her own node's
 * refusal, until it holds TIMES × Q), and Cedar, a newcomer who joins after the flood while
 * Mallory is still online (her node cannot admit anyone and steps aside). Q is the
 * test knob HEARTH_TEST_LOG_QUOTA_BYTES, set for every process of the run. Every honest peer
 * shows exactly Mallory's posts in blocks before the quota end E she reads from her own signed
 * tree, none after; their stores grow by about Q, not by what she wrote; status names her.
 * Birch is online through the flood, or comes online after it; and once under the CPU hog.
 */
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_QUOTA_ENV } from '../../../core/group/log-quota.ts'
import { spawnTs } from '../../helpers/child.ts'
import type { Peer } from '../../helpers/peer.ts'
import { useProcessCast } from '../../helpers/process-cast.ts'

const cast = useProcessCast()
const { tempDir } = cast
const CHILD = fileURLToPath(new URL('./quota-member.child.ts', import.meta.url))
const Q = 256 * 1024
const TIMES = 16

beforeAll(() => void (process.env[TEST_QUOTA_ENV] = String(Q)))
afterAll(() => void delete process.env[TEST_QUOTA_ENV])

/** Bytes of every file under a folder (a profile: vault, logs, checkpoints). */
function bytesUnder(dir: string): number {
  let n = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) n += bytesUnder(p)
    else if (e.isFile()) n += statSync(p).size
  }
  return n
}

/** Mallory's post numbers a peer shows. */
async function mallorys(p: Peer, groupId: string): Promise<string[]> {
  const out: string[] = []
  let before: string | undefined
  for (;;) {
    const page = await p.ok('feed', { groupId, limit: 100, ...(before ? { before } : {}) }, 60_000)
    out.push(...page.posts.filter((x) => x.authorName === 'Mallory').map((x) => /^mallory \d+/.exec(x.text)?.[0] ?? x.text))
    if (!page.next) return out.sort()
    before = page.next
  }
}

describe('a member past the byte budget', () => {
  for (const run of ['Birch online through the flood', 'Birch online after the flood', 'under the CPU hog'] as const) {
    it(`is heard up to the same block on every peer; stores stop growing; a newcomer agrees (${run})`, async () => {
      if (run === 'under the CPU hog') cast.loadCpu()
      const boot = await cast.testnet()
      const alderDir = path.join(tempDir(), 'alder')
      const birchDir = path.join(tempDir(), 'birch')
      const alder = await cast.start(alderDir, boot, 'Alder')
      const { id: groupId } = await alder.ok('createGroup', { name: 'Circle' })
      await alder.ok('post', { groupId, text: 'welcome' })
      let birch = await cast.start(birchDir, boot, 'Birch')
      const forBirch = await alder.ok('createInvite', { groupId })
      expect(await birch.ok('joinGroup', { code: forBirch.code, waitMs: 60_000 }, 90_000)).toMatchObject({ status: 'admitted' })
      await birch.until(async () => (await birch.ok('feed', { groupId, limit: 10 })).posts.some((x) => x.text === 'welcome'), 60_000)
      if (run === 'Birch online after the flood') await cast.stop(birch)
      const before = { alder: bytesUnder(alderDir), birch: bytesUnder(birchDir) }

      const forMallory = await alder.ok('createInvite', { groupId })
      const mallory = cast.hostile(spawnTs(CHILD, [path.join(tempDir(), 'mallory'), boot, forMallory.code, String(TIMES)], {}, { stdin: true }))
      const flood = JSON.parse((await mallory.waitForLine((l) => l.startsWith('flooded '), 240_000)).slice('flooded '.length)) as { end: number; speaks: string[]; written: number; bytes: number }
      expect(flood.bytes).toBeGreaterThanOrEqual(TIMES * Q)
      expect(flood.speaks.length).toBeGreaterThan(10)
      expect(flood.speaks.length).toBeLessThan(flood.written / 2)
      if (run === 'Birch online after the flood') birch = await cast.start(birchDir, boot)

      await birch.until(async () => (await birch.ok('groupStatus', { groupId })).quotaReached !== undefined, 180_000)
      await alder.until(async () => (await alder.ok('groupStatus', { groupId })).quotaReached !== undefined, 180_000)
      // Cedar joins after the flood, a newcomer who never saw it arrive, with Mallory still online:
      // her node, at its budget, cannot write an admission, so it announces no invite and steps
      // aside (join.ts) rather than refusing Cedar; Alder or Birch admits her.
      const cedarDir = path.join(tempDir(), 'cedar')
      const cedar = await cast.start(cedarDir, boot, 'Cedar')
      const forCedar = await alder.ok('createInvite', { groupId })
      expect(await cedar.ok('joinGroup', { code: forCedar.code, waitMs: 60_000 }, 90_000)).toMatchObject({ status: 'admitted' })

      const expected = [...flood.speaks].sort()
      for (const [name, p] of [['Alder', alder], ['Birch', birch], ['Cedar', cedar]] as const) {
        // Status names Mallory once this peer knows where her budget ends; by then it has read
        // every block before it (the catch-up runs before the status is asked again).
        await p.until(async () => {
          const s = await p.ok('groupStatus', { groupId })
          return s.quotaReached?.[0]?.blocks === flood.end && (await mallorys(p, groupId)).length === expected.length
        }, 180_000)
        expect(await mallorys(p, groupId), name).toEqual(expected)
        expect((await p.ok('groupStatus', { groupId })).quotaReached, name).toEqual([{ memberId: expect.any(String), name: 'Mallory', blocks: flood.end }])
      }
      // Stores grew by about Q (what speaks, plus what was in flight when the budget was seen
      // passed), not by the TIMES × Q Mallory wrote.
      const grown = { alder: bytesUnder(alderDir) - before.alder, birch: bytesUnder(birchDir) - before.birch, cedar: bytesUnder(cedarDir) }
      process.stdout.write(`log quota (${run}): Q ${Q} B, Mallory wrote ${flood.bytes} B in ${flood.written} blocks, E ${flood.end}; stores grew ${JSON.stringify(grown)} B\n`)
      for (const [name, g] of Object.entries(grown)) expect(g, name).toBeLessThan(flood.bytes / 2)
    })
  }
})
