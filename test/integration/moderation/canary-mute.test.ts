/**
 * No plaintext at rest for the moderation write paths that need two members (DESIGN.md §5): a
 * flag, a vote, and the personal mute list — where "who I muted" is itself the secret, so
 * the muted member's id is a canary too. Known strings and that id must appear nowhere in either
 * profile or in the temp folder the child used. (Moderation notes, decisions and turns are in
 * test/integration/group/canary.test.ts.)
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnTs } from '../../helpers/child.ts'
import { listFiles, makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const CHILD = fileURLToPath(new URL('./canary-mute.child.ts', import.meta.url))
const PASS = 'canary passphrase that must not leak'

describe('no plaintext at rest: flags, votes and the mute list', () => {
  it('finds neither the words nor the muted member’s id in either profile or the temp folder', async () => {
    const root = tempDir()
    const profiles = path.join(root, 'profiles')
    const tmp = path.join(root, 'tmp')
    mkdirSync(tmp)
    mkdirSync(profiles)
    const canaries = Object.fromEntries(['post', 'proposal', 'pseudonym'].map((k) => [k, makeCanary(k)]))
    const child = spawnTs(CHILD, [profiles, PASS, JSON.stringify(canaries)], { TMPDIR: tmp, TMP: tmp, TEMP: tmp })
    const line = await child.waitForLine((l) => l.startsWith('alder '), 90_000)
    await child.waitForLine((l) => l === 'done', 30_000)
    expect((await child.exited).code, child.stderr()).toBe(0)
    const alderId = line.slice('alder '.length)
    expect(alderId).toMatch(/^[0-9a-f]{64}$/)

    expect(listFiles(path.join(profiles, 'birch')).length).toBeGreaterThan(3)
    expect(scanForCanaries([profiles, tmp], [...Object.values(canaries), alderId, PASS])).toEqual([])
  })
})
