/**
 * The moderation, decision and rotation commands through the real `hearth` command, one process
 * per call, on one profile (a facilitator acting on their own post; members meeting each other is
 * test/integration/moderation's job): JSON shapes, plain text, and coded refusals.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }

describe('hearth CLI: moderation commands', () => {
  it('flag, moderation, hide, restore and decision propose', async () => {
    const profile = path.join(tempDir(), 'p')
    const run = (...args: string[]) => runCli([...args, '--profile', profile], env)
    await run('init', '--name', 'Fay')
    const group = (await run('group', 'create', '--name', 'Circle', '--json')).json as { id: string }
    await run('rules', 'set', '--group', group.id, '--text', '1. Keep names and places out\n2. Speak from your own experience')
    const post = (await run('post', '--group', group.id, '--text', 'at the corner of Elm street', '--json')).json as { id: string }

    expect((await run('flag', '--group', group.id, '--to', post.id, '--reason', 'rule:1', '--json')).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const hidden = await run('hide', '--group', group.id, '--to', post.id, '--reason', 'rule:1', '--note', 'leave out the street', '--json')
    expect(hidden.json).toMatchObject({ id: post.id, hidden: true, hiddenBy: 'facilitator', lastAction: { action: 'hide', note: 'leave out the street' } })
    const queue = await run('moderation', '--group', group.id)
    expect(queue.stdout).toMatch(/HIDDEN \(by a facilitator\)/)
    expect(queue.stdout).toMatch(/Last: hide by Fay, .*\(Rule 1: Keep names and places out\) — "leave out the street"/)
    expect((await run('restore', '--group', group.id, '--to', post.id, '--json')).json).toMatchObject({ hidden: false })
    expect((await run('moderation', '--group', group.id)).stdout).toBe('Nothing is waiting for review.\n')

    // Repeated --option and a relative --closes reach the contract as a list and a time.
    const d = await run('decision', 'propose', '--group', group.id, '--text', 'Thursdays?', '--option', 'Yes', '--option', 'No', '--closes', '2d')
    expect(d.stdout).toMatch(/^— Thursdays\? {2}\(by Fay; open until .*\) {2}\[[0-9a-f:]+\]\n {2}0\. Yes: 0\n {2}1\. No: 0\n {2}0 vote\(s\)\n$/)
  }, 120_000)
})
