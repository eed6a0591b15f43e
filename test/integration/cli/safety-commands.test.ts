/**
 * Issue 17's commands through the real `hearth` command, one process per call, on one profile
 * (members meeting each other is test/integration/support/private-line.test.ts's job): the
 * invite and export settings, the record of exports, the private line, unread and mark-read,
 * presence and ground-rule templates, with plain text and coded refusals.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }

describe('hearth CLI: safety and everyday commands', () => {
  it('settings, exports, line, unread, presence and templates', async () => {
    const profile = path.join(tempDir(), 'p')
    const run = (...args: string[]) => runCli([...args, '--profile', profile], env)
    await run('init', '--name', 'Fay')
    const group = (await run('group', 'create', '--name', 'Circle', '--json')).json as { id: string }
    const g = ['--group', group.id]

    expect((await run('safety', 'settings', ...g)).stdout).toBe(
      'Who may invite: members invite, and a facilitator approves each newcomer.\nWho may save everyone’s words: only facilitators save everyone’s words; members save their own.\n',
    )
    expect((await run('safety', 'settings', ...g, '--invites', 'facilitators', '--json')).json).toMatchObject({ invitePolicy: 'facilitators', invitePolicyChosen: true })
    expect((await run('safety', 'settings', ...g, '--invites', 'everyone', '--json')).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    expect((await run('exports', ...g)).stdout).toBe('Nobody has saved the group’s words as a readable file.\n')
    await run('export', ...g, '--format', 'md', '--out', path.join(tempDir(), 'all.md'))
    expect((await run('exports', ...g)).stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}Fay saved the group’s words as md\n$/)

    const line = await run('line', 'write', ...g, '--text', 'a note to the other facilitators', '--topic', 'concern')
    expect(line.stdout).toMatch(/^Line of Fay · waiting for an answer {2}\[[0-9a-f]{64}\]\n {2}.* {2}Fay · concern: a note to the other facilitators\n$/)
    expect((await run('line', 'write', ...g, '--text', 'x', '--topic', 'gossip', '--json')).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await run('lines', ...g)).stdout).toBe('No member has written to the facilitators.\n')

    expect((await run('unread', ...g)).stdout).toMatch(/: 0 new · conversations 0 \(replies to you 0\)/)
    expect((await run('mark-read', ...g, '--section', 'meetings', '--json')).json).toMatchObject({ groupId: group.id, total: 0 })
    expect((await run('presence', ...g, '--set', 'hidden')).stdout).toBe('Members will not see you as connected. Your words still sync.\n')
    const templates = await run('rule-templates')
    expect(templates.stdout).toMatch(/Peer support circle \[peer-circle\]/)
    expect(templates.stdout).toMatch(/ {2}1\. What is said here stays here/)
  }, 120_000)
})
