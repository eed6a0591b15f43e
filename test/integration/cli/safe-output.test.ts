/**
 * The real `hearth` CLI, one process per call: a post holding terminal escapes and direction
 * controls prints with them made visible in plain text and exactly in --json; a pseudonym with a
 * zero-width space is refused with NAME_NOT_ALLOWED.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }
const EVIL = 'hello\u001b]0;owned\u0007\u001b[2J\u202Eevil'

describe('hearth CLI: other people’s words on a terminal', () => {
  it('plain text shows controls as visible pictures, --json keeps the exact words, hidden characters in names are refused', async () => {
    const profile = path.join(tempDir(), 'p')
    const run = (...args: string[]) => runCli([...args, '--profile', profile, '--json'], env)
    expect((await run('init', '--name', 'Rowan\u200b')).json).toMatchObject({ ok: false, error: { code: 'NAME_NOT_ALLOWED' } })
    expect((await run('init', '--name', 'Rowan')).code).toBe(0)
    expect((await run('group', 'create', '--name', 'Circle\u202E')).json).toMatchObject({ ok: false, error: { code: 'NAME_NOT_ALLOWED' } })
    const group = (await run('group', 'create', '--name', 'Circle')).json as { id: string }
    expect((await run('post', '--group', group.id, '--text', EVIL)).code).toBe(0)

    const plain = await runCli(['feed', '--group', group.id, '--profile', profile], env)
    expect(plain.code).toBe(0)
    expect(plain.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    expect(plain.stdout).toContain('hello\u241b]0;owned\u2407\u241b[2J<U+202E>evil')
    const json = (await run('feed', '--group', group.id)).json as { text: string }[]
    expect(json[0]?.text).toBe(EVIL)
  })
})
