import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'

describe('hearth CLI: profile commands', () => {
  it('creates, reports, changes the passphrase of and destroys a profile', async () => {
    const profile = path.join(tempDir(), 'p')
    const env = { HEARTH_PASSPHRASE: PASS }
    expect((await runCli(['status', '--profile', profile, '--json'])).json).toEqual({ exists: false, unlocked: false, retryAfterMs: 0, serving: false })

    const init = await runCli(['init', '--profile', profile, '--json'], env)
    expect(init).toMatchObject({ code: 0, json: { exists: true, unlocked: true } })

    const again = await runCli(['init', '--profile', profile, '--json'], env)
    expect(again).toMatchObject({ code: 1, json: { ok: false, error: { code: 'PROFILE_EXISTS' } } })

    const newFile = path.join(tempDir(), 'new-pass')
    writeFileSync(newFile, 'a brand new passphrase\n')
    const passwd = await runCli(['passwd', '--profile', profile, '--new-passphrase-file', newFile], env)
    expect(passwd).toMatchObject({ code: 0, stdout: 'Passphrase changed.\n' })

    const oldFails = await runCli(['passwd', '--profile', profile, '--json', '--new-passphrase-file', newFile], env)
    expect(oldFails.json).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } })

    const unconfirmed = await runCli(['destroy', '--profile', profile, '--json'])
    expect(unconfirmed).toMatchObject({ code: 1, json: { error: { code: 'INVALID_INPUT' } } })
    expect((await runCli(['destroy', '--yes', '--profile', profile, '--json'])).json).toEqual({ exists: false, unlocked: false, retryAfterMs: 0 })
  })

  it('gives coded errors for bad usage, and never hangs waiting for a passphrase', async () => {
    const profile = path.join(tempDir(), 'p')
    expect((await runCli(['nonsense', '--json'])).json).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect((await runCli(['status', '--no-such-flag', '--json'])).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const noPass = await runCli(['init', '--profile', profile, '--json'])
    expect(noPass).toMatchObject({ code: 1, json: { error: { code: 'INVALID_INPUT' } } })
    const human = await runCli(['init', '--profile', profile])
    expect(human.code).toBe(1)
    expect(human.stderr).toMatch(/no passphrase.*\[INVALID_INPUT\]/)
    expect(human.stderr).not.toMatch(/at .*\.ts:\d+/)
  })
})
