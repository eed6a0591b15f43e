/**
 * No hidden post through the other reads while a newcomer's history arrives (issue 19, session 9,
 * `arriving`): while a log waits for its shared checkpoint, the docs read so far may lack a hide in
 * its tail. The feed answers with an empty preview page (tail-preview.test.ts); the readable export
 * refuses with HISTORY_ARRIVING before its record or any byte is written; the unread count counts
 * no post. Once the tail is read, each is the full read's, without the hidden post.
 * Real GroupSpaces and real sealed blocks (tail-fixture.ts).
 */
import type { FileHandle } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { ExportInput } from '../../../core/api.ts'
import { checkGroupExport } from '../../../core/archive/export-policy.ts'
import { selectPosts, writeReadable } from '../../../core/archive/readable-export.ts'
import { unreadOf } from '../../../core/group/unread-of.ts'
import { isHearthError } from '../../../core/errors.ts'
import { hiddenWhileWaiting, nobody } from './tail-fixture.ts'

const reg = { personal: nobody }

function codeOf(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (e) {
    return isHearthError(e) ? e.code : String(e)
  }
}

describe('while a newcomer’s history arrives', () => {
  it('a readable export refuses, in every format and scope, before its record or any byte', async () => {
    const { n, whole, post, rest } = await hiddenWhileWaiting()
    expect(selectPosts(whole, {}).map((p) => p.id)).not.toContain(post)
    for (const format of ['html', 'md', 'json'] as const) {
      for (const scope of ['group', 'mine'] as const) {
        const input: ExportInput = { groupId: n.governance.groupId, format, path: '/nowhere', scope }
        // Checked before recordGroupExport in both handlers (archive-handlers.ts, copy-handlers.ts).
        expect(codeOf(() => checkGroupExport(n, input))).toBe('HISTORY_ARRIVING')
      }
    }
    // Without the guard, this list held Bob's post: its hide is in the tail not read yet.
    expect(codeOf(() => selectPosts(n, {}))).toBe('HISTORY_ARRIVING')
    expect(codeOf(() => selectPosts(n, { includeHidden: true }))).toBe('HISTORY_ARRIVING')
    const written: Uint8Array[] = []
    const fh = { write: async (b: Uint8Array) => (written.push(b), { bytesWritten: b.length, buffer: b }) } as unknown as FileHandle
    await expect(writeReadable(fh, n, { groupId: n.governance.groupId, format: 'json', path: '/nowhere' }, { now: () => 1 })).rejects.toMatchObject({ code: 'HISTORY_ARRIVING' })
    expect(written).toEqual([])
    // An archive holds sealed logs, not a view: its own check (ARCHIVE_INCOMPLETE) covers it.
    expect(codeOf(() => checkGroupExport(n, { groupId: n.governance.groupId, format: 'archive', path: '/nowhere' }))).toBe(null)

    await rest()
    const after = selectPosts(n, {})
    expect(after.length).toBeGreaterThan(0)
    expect(after.map((p) => p.id)).not.toContain(post)
    expect(after.map((p) => p.id)).toEqual(selectPosts(whole, {}).map((p) => p.id))
  })

  it('the unread count counts no post from the docs read so far, then the full read’s', async () => {
    const { n, whole, rest } = await hiddenWhileWaiting()
    const full = unreadOf(whole, reg, 1).sections.conversations
    expect(full).toBeGreaterThan(0)
    // Without the guard, Bob's hidden post (and every post read so far) was counted.
    const waiting = unreadOf(n, reg, 1)
    expect(waiting.sections.conversations).toBe(0)
    expect(Object.values(waiting.topics).every((c) => c === 0)).toBe(true)
    await rest()
    expect(unreadOf(n, reg, 1).sections.conversations).toBe(full)
  })
})
