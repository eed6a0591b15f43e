/**
 * `hearth keeper …` in the real CLI, one process per call: a keeper never runs on a member's
 * profile or without a passphrase; `keeper add` refuses a mistyped code with its own code and
 * keeps the setting; `keeper remove` clears it. (The keeper on the network: test/integration/keeper.)
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { encodeKeeperCode } from '../../../core/keeper/keeper-code.ts'

const tempDir = useTempDirs()
const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }

describe('hearth CLI: keeper commands', () => {
  it('refuses a member profile or a missing passphrase for a keeper; add, list and remove the group’s keeper through governance', async () => {
    const profile = path.join(tempDir(), 'member')
    const run = (...args: string[]) => runCli([...args, '--profile', profile, '--json'], env)
    expect((await run('init', '--name', 'Rowan')).code).toBe(0)
    const serveHere = await runCli(['keeper', 'serve', '--profile', profile, '--json', '--bootstrap', '127.0.0.1:9'], env)
    expect(serveHere.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('member') } })
    const noPass = await runCli(['keeper', 'serve', '--profile', path.join(tempDir(), 'k'), '--json', '--bootstrap', '127.0.0.1:9'])
    expect(noPass.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    const group = (await run('group', 'create', '--name', 'Circle')).json as { id: string }
    const code = encodeKeeperCode({ key: new Uint8Array(32).fill(7), register: new Uint8Array(16).fill(9) })
    const typo = 'A' + code.slice(1)
    expect((await run('keeper', 'add', '--group', group.id, '--code', typo)).json).toMatchObject({ ok: false, error: { code: 'KEEPER_CODE_CHECKSUM' } })
    expect((await run('keeper', 'add', '--group', group.id, '--code', code.toLowerCase())).json).toMatchObject([{ code, current: true, addedBy: { name: 'Rowan' } }])
    const other = encodeKeeperCode({ key: new Uint8Array(32).fill(8), register: new Uint8Array(16).fill(9) })
    expect((await run('keeper', 'remove', '--group', group.id, '--keeper', other)).json).toMatchObject({ ok: false, error: { code: 'KEEPER_NOT_FOUND' } })
    expect((await run('keeper', 'remove', '--group', group.id, '--keeper', code)).json).toMatchObject([{ code, current: false, removedBy: { name: 'Rowan' } }])
    expect((await run('keeper', 'list', '--group', group.id)).json).toMatchObject([{ code, current: false }])
  }, 180_000)
})
