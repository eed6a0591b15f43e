/**
 * The canary test (DESIGN.md §5, threat 5): known strings written through every write path in a
 * separate process must appear nowhere on disk — not in the profile folder, not in the temp
 * folder that process used — in any encoding the scanner knows.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnTs } from '../../helpers/child.ts'
import { listFiles, makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import type { GroupMeta } from '../../../core/group/group-meta.ts'
import { BlockKind, decodeBlock } from '../../../core/store/block-codec.ts'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../../../core/store/log-store.ts'
import { Vault } from '../../../core/store/vault.ts'

const tempDir = useTempDirs()
const CHILD = fileURLToPath(new URL('./canary-writer.child.ts', import.meta.url))
const PASS = 'canary passphrase that must not leak'
/**
 * The writer's whole run is its own work and its own disk: about 2.5 s of its CPU (measured
 * 2026-12-07, load 7), which a 60-s wall bound turned into a claim about the machine's load (it
 * fired at load 26–31). Bounded by its own CPU time instead, ten times the work; one that waits
 * on nothing is caught by waitForLine's wall-time hang guard.
 */
const WRITER_WORK = { cpuMs: 25_000 }

describe('no plaintext at rest', () => {
  it('finds no canary in the profile or the temp folder after writing through every path', async () => {
    const root = tempDir()
    const profile = path.join(root, 'profile')
    const tmp = path.join(root, 'tmp')
    const exportsDir = path.join(root, 'exports')
    const restored = path.join(root, 'restored')
    mkdirSync(tmp)
    mkdirSync(exportsDir)
    const canaries = Object.fromEntries(
      [
        'profileName', 'groupName', 'pseudonym', 'post', 'cw', 'reply', 'edit', 'rules', 'newPseudonym', 'personal', 'leftGroupName', 'removedName', 'roleName', 'afterRotation', 'archivePassphrase', 'afterRestore', 'moderationNote', 'proposal', 'option',
        // support features (issue 8)
        'planWarning', 'planPlace', 'planPeople', 'planDocs', 'planBag', 'planCode', 'journalWhat', 'journalWitness',
        'journalEvidence', 'journalEdit', 'trainingNotes', 'checkInPrivate', 'checkInShared', 'resourceRegion',
        'resourceContact', 'resourceNotes', 'suggestion', 'resource', 'meetingTitle', 'meetingPlace', 'meetingAgenda', 'debrief',
        // issue 17
        'lineMessage',
      ].map((k) => [k, makeCanary(k)]),
    )
    const exports = path.join(root, 'chosen-folder')
    mkdirSync(exports)
    const child = spawnTs(CHILD, [profile, PASS, JSON.stringify(canaries), exportsDir, restored, exports], { TMPDIR: tmp, TMP: tmp, TEMP: tmp })
    await child.waitForLine((l) => l === 'done', WRITER_WORK)
    expect((await child.exited).code, child.stderr()).toBe(0)

    expect(listFiles(profile).length).toBeGreaterThan(3)
    expect(listFiles(restored).length).toBeGreaterThan(3)
    expect(scanForCanaries([profile, restored, tmp], [...Object.values(canaries), PASS])).toEqual([])

    // The scan covered a shared checkpoint (a second copy of the member doc's words): one is there…
    const groupId = (child.lines.find((l) => l.startsWith('group '))?.slice(6)) as string
    const vault = new Vault(profile)
    await vault.unlock(PASS)
    const store = await LogStore.open(profile, vault.subkey(LOG_STORE_KEY_PURPOSE))
    try {
      const meta = JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`))) as GroupMeta
      const log = await store.openPeerLog(store.keyFor(meta.log))
      // Blocks after the removal are sealed under the rotated epoch's key: each under its own.
      const keyOf = (epoch: number): Uint8Array | undefined => vault.get(`group/${groupId}/epoch/${epoch}`) ?? undefined
      let checkpoints = 0
      let indexes = 0
      for (let i = 0; i < log.length; i++) {
        const kind = decodeBlock((await log.get(i)) as Uint8Array, keyOf).kind
        if (kind === BlockKind.Checkpoint) checkpoints++
        if (kind === BlockKind.TailIndex) indexes++
      }
      expect(checkpoints).toBeGreaterThan(0)
      // …and a tail index (a sealed block of its own kind) after it.
      expect(indexes).toBeGreaterThan(0)
      // …and the summary the groups screen reads (group-registry.ts), with the group's name: sealed in the vault.
      const summary = JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}/summary`))) as { name: string }
      expect(summary.name).toBe(canaries.groupName)
    } finally {
      await store.close()
      vault.lock()
    }

    // Export: exactly the two files the person named, no temp file left beside them; the archive
    // holds no canary, and the readable file holds the group's words (it is meant to).
    expect(readdirSync(exportsDir).sort()).toEqual(['group.hearth', 'group.html'])
    const hits = scanForCanaries([exportsDir], [...Object.values(canaries), PASS])
    expect(hits.filter((h) => path.basename(h.file) !== 'group.html')).toEqual([])
    const inReadable = new Set(hits.map((h) => h.canary))
    expect(inReadable).toEqual(new Set([canaries.groupName, canaries.post, canaries.cw, canaries.edit, canaries.newPseudonym]))
    // The readable copies did get written, where the person chose: the scan above would see them elsewhere.
    expect(readFileSync(path.join(exports, 'plan.txt'), 'utf8')).toContain(canaries.planCode)
    expect(readFileSync(path.join(exports, 'journal.txt'), 'utf8')).toContain(canaries.journalEdit)
    expect(readFileSync(path.join(exports, 'meeting.ics'), 'utf8')).toContain(canaries.meetingPlace)
  })
})
