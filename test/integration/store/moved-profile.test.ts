/**
 * A profile folder copied elsewhere (issue 14): `cp -a` to another place opens with all its data,
 * says it was moved, does not write until a peer has answered or the member says "continue here"
 * (`hearth continue-here`), and then writes. Before, the copy failed with STORE_UNAVAILABLE and
 * no way on (Holepunch's device file refuses any copy; core/store/store-open.ts).
 * Also: every file Hearth makes in a profile is owner-only (0600), every folder 0700.
 */
import { cpSync, lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnTs } from '../../helpers/child.ts'
import { runCli, untilServing, type CliRun } from '../../helpers/cli.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }
const tempDir = useTempDirs()

function hearth(args: string[], profile: string): Promise<CliRun> {
  return runCli([...args, '--profile', profile, '--json'], env)
}

const texts = (r: CliRun): string[] => (r.json as { text: string }[]).map((p) => p.text).reverse()

describe('a moved profile', () => {
  it('opens elsewhere with every post, waits before writing, and writes after "continue here"', async () => {
    const here = path.join(tempDir(), 'profile')
    expect((await hearth(['init', '--name', 'Alder'], here)).code).toBe(0)
    const groupId = ((await hearth(['group', 'create', '--name', 'Circle'], here)).json as { id: string }).id
    for (const t of ['one', 'two']) expect((await hearth(['post', '--group', groupId, '--text', t], here)).code).toBe(0)

    const there = path.join(tempDir(), 'new-computer', 'Hearth', 'profile')
    cpSync(here, there, { recursive: true, preserveTimestamps: true })
    const feed = await hearth(['feed', '--group', groupId], there)
    expect(feed.code).toBe(0)
    expect(texts(feed)).toEqual(['one', 'two'])
    expect(feed.stderr).toMatch(/moved or restored.*\[LOG_UNCONFIRMED\]/)
    expect((await hearth(['post', '--group', groupId, '--text', 'three'], there)).json).toMatchObject({ ok: false, error: { code: 'LOG_UNCONFIRMED' } })
    expect((await hearth(['group', 'status', '--group', groupId], there)).json).toMatchObject({ ownLog: { state: 'unconfirmed', have: expect.any(Number) } })
    // A group made in the copy has a new log nobody can hold: it writes at once.
    const fresh = ((await hearth(['group', 'create', '--name', 'New circle'], there)).json as { id: string }).id
    expect((await hearth(['post', '--group', fresh, '--text', 'first words here'], there)).code).toBe(0)

    expect((await hearth(['continue-here', '--group', groupId], there)).json).toEqual({ ownLog: null })
    expect((await hearth(['post', '--group', groupId, '--text', 'three'], there)).code).toBe(0)
    const after = await hearth(['feed', '--group', groupId], there)
    expect(texts(after)).toEqual(['one', 'two', 'three'])
    expect(after.stderr).toBe('')
    // It stays confirmed across opens: the record now names this copy's store.
    expect((await hearth(['post', '--group', groupId, '--text', 'four'], there)).code).toBe(0)
  })
})

describe('profile files', () => {
  it('are owner-only: every file 0600, every folder 0700, RocksDB files included', async () => {
    const profile = path.join(tempDir(), 'profile')
    expect((await hearth(['init', '--name', 'Alder'], profile)).code).toBe(0)
    const groupId = ((await hearth(['group', 'create', '--name', 'Circle'], profile)).json as { id: string }).id
    const node = spawnTs(HEARTH, ['serve', '--profile', profile, '--for', '60', '--json'], env)
    await untilServing(node)
    for (const t of ['one', 'two']) expect((await hearth(['post', '--group', groupId, '--text', t], profile)).code).toBe(0)
    const bad: string[] = []
    const walk = (p: string): void => {
      const st = lstatSync(p)
      const mode = st.mode & 0o777
      if (st.isDirectory()) {
        if (mode !== 0o700) bad.push(`${p} ${mode.toString(8)}`)
        for (const f of readdirSync(p)) walk(path.join(p, f))
      } else if (mode !== 0o600) bad.push(`${p} ${mode.toString(8)}`)
    }
    walk(profile) // while the node runs: its socket and the store's live files
    node.proc.kill('SIGTERM')
    await node.exited
    walk(profile) // and after it closed the store
    const kinds = new Set<string>()
    const collect = (p: string): void => {
      if (lstatSync(p).isDirectory()) for (const f of readdirSync(p)) collect(path.join(p, f))
      else kinds.add(path.basename(p).replace(/\d+/g, 'N'))
    }
    collect(profile)
    expect([...kinds]).toEqual(expect.arrayContaining(['vault.hearth', 'log-lengths.hearth', 'CURRENT', 'MANIFEST-N', 'OPTIONS-N', 'N.log', 'N.sst']))
    expect(bad).toEqual([])
  })
})
