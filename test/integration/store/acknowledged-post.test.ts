/**
 * A post is acknowledged only once the own-log record covering it is durable (core/service.ts,
 * core/store/own-log-guard.ts). The scene the damage matrix found (docs/decisions.md, "The lazy
 * open at unlock"): a device killed right after it said "posted", whose write-ahead log is then
 * cut, must show that post or say its own log is behind; never show fewer posts and say nothing.
 *
 * A real service in its own process posts and kills itself with SIGKILL right after a post call
 * returns (after a seeded number of event-loop turns, zero in the first round). The live
 * write-ahead log is then cut at a seeded point between its size before that post and its size at
 * the kill; the first round cuts exactly where that post's write began. The profile is opened
 * again through the real service. The first round fails whenever the record trails the
 * acknowledgement: the record then counts the same blocks as the cut log, and nothing is behind.
 */
import { statSync, truncateSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { spawnTs } from '../../helpers/child.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const CHILD = fileURLToPath(new URL('./ack-kill.child.ts', import.meta.url))
const PASS = 'correct horse battery staple'
const ROUNDS = 4
const POSTS = 3

describe('a post told done survives a kill and a cut write-ahead log, or is said lost', () => {
  it(`holds in ${ROUNDS} rounds of kills and cuts at seeded points`, async () => {
    const rnd = seededRandom(testSeed())
    console.info(`acknowledged-post: seed ${rnd.seed} (HEARTH_TEST_SEED replays it)`)
    for (let round = 0; round < ROUNDS; round++) {
      const first = round === 0
      const killAfter = first ? POSTS : rnd.int(1, POSTS)
      const turns = first ? 0 : rnd.int(0, 3)
      const dir = path.join(tempDir(), 'profile')
      const child = spawnTs(CHILD, [dir, PASS, String(POSTS), String(killAfter), String(turns)])
      const { signal } = await child.exited
      const where = `seed ${rnd.seed} round ${round} (kill after post ${killAfter}, ${turns} turns)`
      expect(signal, `${where}: ${child.stderr()}`).toBe('SIGKILL')
      const groupId = (child.lines.find((l) => l.startsWith('group ')) as string).slice(6)
      const acks = child.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '))
      expect(acks.length, where).toBe(killAfter)
      const [, , walName, walBefore] = acks[acks.length - 1] as string[]
      const wal = path.join(dir, 'logs', 'db', walName as string)
      const atKill = statSync(wal).size
      const cut = first ? Number(walBefore) : rnd.int(Number(walBefore), Math.max(Number(walBefore), atKill - 1))
      truncateSync(wal, cut)

      const svc = createService({ profileDir: dir })
      try {
        await ok(svc.unlock({ passphrase: PASS }))
        const page = await ok(svc.feed({ groupId, limit: 100 }))
        const texts = page.posts.map((p) => p.text)
        const missing = acks.map(([, n]) => `post ${n}`).filter((t) => !texts.includes(t))
        console.info(`${where}: cut ${cut} of ${atKill} bytes; feed ${texts.length} of ${killAfter}, own log ${page.ownLog?.state ?? 'ok'}`)
        if (first) expect(missing, `${where}: the cut must take the last post`).toEqual([`post ${killAfter}`])
        if (missing.length) expect(page.ownLog, `${where}: ${missing.join(', ')} gone and nothing said`).toMatchObject({ state: 'behind' })
      } finally {
        await svc.close()
      }
    }
  }, 120_000) // a hang guard only
})
