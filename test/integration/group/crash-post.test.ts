/**
 * Crash safety (encrypted data layer issue, "Must show"): a separate process posts in a loop
 * and is killed with SIGKILL at a random moment, 50 times. After every kill the profile opens
 * cleanly and every post whose call had returned is in the feed.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { spawnTs } from '../../helpers/child.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { ok, wholeFeed } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const CHILD = fileURLToPath(new URL('./post-loop.child.ts', import.meta.url))
const PASS = 'correct horse battery staple'
const KILLS = 50

describe('posting under SIGKILL', () => {
  it(`loses no acknowledged post across ${KILLS} kills`, async () => {
    const dir = path.join(tempDir(), 'profile')
    const setup = createService({ profileDir: dir })
    await ok(setup.createProfile({ passphrase: PASS, name: 'Rowan' }))
    const { id: groupId } = await ok(setup.createGroup({ name: 'Crash circle' }))
    await setup.close()

    const rnd = seededRandom(testSeed())
    const acknowledged = new Set<string>()
    for (let i = 0; i < KILLS; i++) {
      const child = spawnTs(CHILD, [dir, PASS, groupId, `run${i}`])
      await child.waitForLine((l) => l === 'ready')
      await new Promise((r) => setTimeout(r, rnd.int(0, 250)))
      child.proc.kill('SIGKILL')
      expect((await child.exited).signal, child.stderr()).toBe('SIGKILL')
      for (const l of child.lines) if (l.startsWith('ack ')) acknowledged.add(`run${i}-${l.slice(4)}`)

      const check = createService({ profileDir: dir })
      await ok(check.unlock({ passphrase: PASS }))
      const texts = new Set((await wholeFeed(check, groupId)).map((p) => p.text))
      const missing = [...acknowledged].filter((t) => !texts.has(t))
      expect(missing, `seed ${rnd.seed}, kill ${i}`).toEqual([])
      await check.close()
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS)
    console.info(`crash test: ${acknowledged.size} acknowledged posts survived ${KILLS} kills`)
  })
})
