/**
 * The canary test (DESIGN.md §5, threat 5): known strings written through every write path in a
 * separate process must appear nowhere on disk — not in the profile folder, not in the temp
 * folder that process used — in any encoding the scanner knows.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnTs } from '../../helpers/child.ts'
import { listFiles, makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const CHILD = fileURLToPath(new URL('./canary-writer.child.ts', import.meta.url))
const PASS = 'canary passphrase that must not leak'

describe('no plaintext at rest', () => {
  it('finds no canary in the profile or the temp folder after writing through every path', async () => {
    const root = tempDir()
    const profile = path.join(root, 'profile')
    const tmp = path.join(root, 'tmp')
    mkdirSync(tmp)
    const canaries = Object.fromEntries(
      [
        'profileName', 'groupName', 'pseudonym', 'post', 'cw', 'reply', 'edit', 'rules', 'newPseudonym', 'personal', 'leftGroupName', 'removedName', 'roleName', 'afterRotation',
        // support features (issue 8)
        'planWarning', 'planPlace', 'planPeople', 'planDocs', 'planBag', 'planCode', 'journalWhat', 'journalWitness',
        'journalEvidence', 'journalEdit', 'trainingNotes', 'checkInPrivate', 'checkInShared', 'resourceRegion',
        'resourceContact', 'resourceNotes', 'suggestion', 'resource', 'meetingTitle', 'meetingPlace', 'meetingAgenda', 'debrief',
      ].map((k) => [k, makeCanary(k)]),
    )
    const exports = path.join(root, 'chosen-folder')
    mkdirSync(exports)
    const child = spawnTs(CHILD, [profile, PASS, JSON.stringify(canaries), exports], { TMPDIR: tmp, TMP: tmp, TEMP: tmp })
    await child.waitForLine((l) => l === 'done', 60_000)
    expect((await child.exited).code, child.stderr()).toBe(0)

    expect(listFiles(profile).length).toBeGreaterThan(3)
    expect(scanForCanaries([profile, tmp], [...Object.values(canaries), PASS])).toEqual([])
    // The readable copies did get written, where the person chose: the scan above would see them elsewhere.
    expect(readFileSync(path.join(exports, 'plan.txt'), 'utf8')).toContain(canaries.planCode)
    expect(readFileSync(path.join(exports, 'journal.txt'), 'utf8')).toContain(canaries.journalEdit)
    expect(readFileSync(path.join(exports, 'meeting.ics'), 'utf8')).toContain(canaries.meetingPlace)
  })
})
