/**
 * A profile restored from an older file backup (issue 14): Alder's profile is copied while it has
 * 5 posts, Alder writes 10 more (Birch, another member, holds them), then the old copy is put back.
 * Real `hearth` processes on a loopback testnet. The restored device must not write until it has
 * its 10 lost posts back from Birch (LOG_UNCONFIRMED / LOG_BEHIND, coded), must end with all 15,
 * and its next post must land after them: Birch never sees two versions of one index from it
 * (Birch's feed has every post exactly once and its copy of Alder's log never forked).
 * Both start orders run: the restored device online first, and Birch first.
 */
import { cpSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { runCli, untilServing, type CliRun } from '../../helpers/cli.ts'
import { makeTempDir } from '../../helpers/temp-dir.ts'
import { stopChild } from '../net/net-harness.ts'
import { useCliTestnet } from '../../helpers/cli-testnet.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }
const cliNet = useCliTestnet()

function hearth(args: string[], profile: string): Promise<CliRun> {
  return runCli([...args, '--profile', profile, '--json'], env)
}

async function serve(profile: string): Promise<Child> {
  const child = spawnTs(HEARTH, ['serve', '--profile', profile, '--bootstrap', cliNet.boot, '--for', '300', '--json'], env)
  await untilServing(child)
  return child
}

async function texts(profile: string, groupId: string): Promise<string[]> {
  const feed = await hearth(['feed', '--group', groupId, '--limit', '100'], profile)
  expect(feed.code, feed.stdout + feed.stderr).toBe(0)
  return (feed.json as { text: string }[]).map((p) => p.text).reverse()
}

/** Polls a CLI read until it holds; every wait is on what the node shows, bounded only to catch a hang. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const posts = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `post ${from + i}`)

describe.each([['restored device first'], ['Birch first']])('a device restored from an older backup (%s)', (order) => {
  const running: Child[] = []
  afterAll(async () => {
    await Promise.all(running.map(stopChild))
  })

  it('fetches its 10 lost posts back before it writes again, and never writes at a published index', { timeout: 400_000 }, async () => {
    const dir = makeTempDir('hearth-restore-')
    const alder = path.join(dir, 'alder')
    const birch = path.join(dir, 'birch')
    const backup = path.join(dir, 'alder-backup')
    expect((await hearth(['init', '--name', 'Alder'], alder)).code).toBe(0)
    expect((await hearth(['init', '--name', 'Birch'], birch)).code).toBe(0)
    const groupId = ((await hearth(['group', 'create', '--name', 'Circle'], alder)).json as { id: string }).id
    let a = await serve(alder)
    running.push(a)
    const invite = await hearth(['invite', 'create', '--group', groupId], alder)
    const joined = await runCli(['join', (invite.json as { code: string }).code, '--profile', birch, '--bootstrap', cliNet.boot, '--wait', '60', '--json'], env, 90_000)
    expect(joined.json, joined.stdout + joined.stderr).toMatchObject({ group: groupId })
    const b = await serve(birch)
    running.push(b)

    for (const t of posts(1, 5)) expect((await hearth(['post', '--group', groupId, '--text', t], alder)).code).toBe(0)
    await until('Birch to hold posts 1–5', async () => (await texts(birch, groupId)).length === 5)
    await stopChild(a)
    cpSync(alder, backup, { recursive: true, preserveTimestamps: true }) // the file backup

    a = await serve(alder)
    running.push(a)
    for (const t of posts(6, 15)) expect((await hearth(['post', '--group', groupId, '--text', t], alder)).code).toBe(0)
    await until('Birch to hold posts 1–15', async () => (await texts(birch, groupId)).length === 15)
    await stopChild(a)
    if (order === 'Birch first') await stopChild(b)

    rmSync(alder, { recursive: true, force: true })
    cpSync(backup, alder, { recursive: true, preserveTimestamps: true }) // the restore
    expect(await texts(alder, groupId)).toEqual(posts(1, 5))
    const offline = await hearth(['post', '--group', groupId, '--text', 'written offline after the restore'], alder)
    expect(offline.json).toMatchObject({ ok: false, error: { code: 'LOG_UNCONFIRMED' } })

    let b2: Child | null = null
    if (order === 'Birch first') running.push((b2 = await serve(birch)))
    a = await serve(alder)
    running.push(a)
    let early: string[] = []
    if (order === 'restored device first') {
      // Posting at once races Birch's first answer: refused with a code until it has arrived and
      // the lost posts are back, or accepted after them. Either way it may never land at index 5–14.
      const now = await hearth(['post', '--group', groupId, '--text', 'posted at once'], alder)
      if (now.code === 0) early = ['posted at once']
      else expect((now.json as { error: { code: string } }).error.code).toMatch(/^LOG_(UNCONFIRMED|BEHIND)$/)
    }
    const want = [...posts(1, 15), ...early]
    await until('the restored device to hold its posts', async () => (await texts(alder, groupId)).length === want.length)
    expect(await texts(alder, groupId)).toEqual(want)

    const next = await hearth(['post', '--group', groupId, '--text', 'post 16'], alder)
    expect(next.code, next.stdout).toBe(0)
    await until('Birch to hold post 16', async () => (await texts(birch, groupId)).length === want.length + 1)
    // Had the restored device written at an index it had published before, Birch would refuse
    // that block (and everything after it): every post, exactly once, on both sides, says it did not.
    expect(await texts(birch, groupId)).toEqual([...want, 'post 16'])
    expect(await texts(alder, groupId)).toEqual([...want, 'post 16'])
    const status = await hearth(['group', 'status', '--group', groupId], alder)
    expect(status.json).not.toHaveProperty('ownLog')
    for (const c of [a, b, b2]) if (c) await stopChild(c)
    rmSync(dir, { recursive: true, force: true })
  })
})
