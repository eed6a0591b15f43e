/**
 * The membership commands of the real `hearth` CLI, one process per call: `member remove`,
 * `role` and `leave` reach the service, print plain words or --json, and fail with coded errors.
 * (Removal between several nodes is proven in test/integration/governance.)
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }

describe('hearth CLI: membership commands', () => {
  it('refuses what governance would refuse, with codes, and leaves a group', async () => {
    const profile = path.join(tempDir(), 'p')
    const run = (...args: string[]) => runCli([...args, '--profile', profile, '--json'], env)
    expect((await run('init', '--name', 'Rowan')).code).toBe(0)
    const group = (await run('group', 'create', '--name', 'Circle')).json as { id: string }
    const me = ((await run('members', '--group', group.id)).json as { id: string }[])[0]?.id as string

    expect((await run('role', '--group', group.id, '--member', me, '--set', 'owner')).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await run('role', '--group', group.id, '--member', me, '--set', 'member')).json).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    expect((await run('member', 'remove', '--group', group.id, '--member', 'f'.repeat(64))).json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await run('member', 'remove', '--group', group.id, '--member', 'nope')).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    expect((await run('group', 'settings', '--group', group.id, '--removal-needs-second', 'maybe')).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await run('group', 'settings', '--group', group.id, '--removal-needs-second', 'yes')).json).toMatchObject({ removalNeedsSecond: true })
    const settings = await runCli(['group', 'settings', '--group', group.id, '--profile', profile], env)
    expect(settings.stdout).toBe("Removing a member needs a second facilitator's agreement.\n")

    const left = await runCli(['leave', '--group', group.id, '--profile', profile], env)
    expect(left).toMatchObject({ code: 0, stdout: 'You left the group. What you already had stays on this device; nothing new will arrive.\n' })
    expect((await run('post', '--group', group.id, '--text', 'still here?')).json).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    expect((await run('leave', '--group', group.id)).json).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
  })
})
