/**
 * `hearth serve` and the other commands on the same profile, each in its own process, on a
 * loopback testnet: while the node serves, post, feed and invite create go to it over the
 * profile's socket (before the socket they failed with STORE_UNAVAILABLE on the store's lock);
 * the socket still wants the passphrase, shrugs off garbage, is owner-only, and is gone after the
 * node stops, when commands run in-process again. A stale socket is ignored and replaced.
 */
import { existsSync, lstatSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LINE_HANG_GUARD_MS, spawnTs, type Child } from '../../helpers/child.ts'
import { runCli, untilServing, type CliRun } from '../../helpers/cli.ts'
import { stopChild } from '../net/net-harness.ts'
import { useCliTestnet } from '../../helpers/cli-testnet.ts'
import { staleSocket } from '../../helpers/stale-socket.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const PASS = 'correct horse battery staple'
const env = { HEARTH_PASSPHRASE: PASS }
const cliNet = useCliTestnet()

function hearth(args: string[], profile: string, more: NodeJS.ProcessEnv = env): Promise<CliRun> {
  return runCli([...args, '--profile', profile, '--json'], more)
}

/** `hearth serve` in its own process, resolved once it says it is serving. */
async function serve(profile: string, seconds: number): Promise<{ child: Child; socket: string }> {
  const child = spawnTs(HEARTH, ['serve', '--profile', profile, '--bootstrap', cliNet.boot, '--for', String(seconds), '--json'], env)
  return { child, socket: (await untilServing(child)).socket as string }
}

/**
 * A raw connection to the socket: any bytes out, the node's JSON lines in. A reply is waited for
 * as the line itself or the socket's close; an unlock's reply is argon2id at full cost in the
 * node, so its time is the machine's load, and only the hang guard bounds it.
 */
async function rawSocket(endpoint: string): Promise<{ send(text: string): void; reply(): Promise<unknown>; end(): void }> {
  const sock = net.createConnection(endpoint)
  await new Promise((resolve, reject) => sock.once('connect', resolve).once('error', reject))
  const lines: string[] = []
  let partial = ''
  let closed = false
  let wake: (() => void) | null = null
  sock.on('data', (d: Buffer) => {
    const parts = (partial + d.toString('utf8')).split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
    wake?.()
  })
  sock.on('close', () => {
    closed = true
    wake?.()
  })
  return {
    send: (text) => sock.write(text),
    async reply() {
      let guarded = false
      const guard = setTimeout(() => {
        guarded = true
        wake?.()
      }, LINE_HANG_GUARD_MS)
      try {
        while (lines.length === 0) {
          if (closed) throw new Error('the node closed the socket without a reply')
          if (guarded) throw new Error(`no reply from the node in ${LINE_HANG_GUARD_MS} ms (a hang guard)`)
          await new Promise<void>((r) => (wake = r))
        }
      } finally {
        clearTimeout(guard)
        wake = null
      }
      return JSON.parse(lines.shift() as string)
    },
    end: () => sock.destroy(),
  }
}

describe('hearth serve: commands on a served profile go to the running node', () => {
  let profile: string
  let groupId: string
  let node: { child: Child; socket: string }

  beforeAll(async () => {
    profile = path.join(cliNet.root, 'a')
    expect((await hearth(['init', '--name', 'Alder'], profile)).code).toBe(0)
    groupId = ((await hearth(['group', 'create', '--name', 'Circle'], profile)).json as { id: string }).id
    node = await serve(profile, 60)
  })

  afterAll(async () => {
    if (node) await stopChild(node.child)
  })

  it('post, feed and invite create succeed beside the node; status says a node serves; the socket is owner-only', async () => {
    expect(node.socket).toBe(path.join(profile, 'node.sock'))
    expect(statSync(node.socket).mode & 0o777).toBe(0o600)
    const [status, posted, invite] = await Promise.all([
      hearth(['status'], profile, {}),
      hearth(['post', '--group', groupId, '--text', 'posted beside a running node'], profile),
      hearth(['invite', 'create', '--group', groupId], profile),
    ])
    expect(status.json).toEqual({ exists: true, unlocked: true, retryAfterMs: 0, serving: true })
    expect(posted).toMatchObject({ code: 0, json: { id: expect.any(String) } })
    expect(invite).toMatchObject({ code: 0, json: { code: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/) } })
    const feed = await hearth(['feed', '--group', groupId], profile)
    expect(feed.code).toBe(0)
    expect((feed.json as { id: string; text: string }[]).map((p) => [p.id, p.text])).toEqual([[(posted.json as { id: string }).id, 'posted beside a running node']])
  })

  it('refuses a wrong passphrase over the socket, and a second serve on the same profile', async () => {
    const [wrong, second] = await Promise.all([
      hearth(['feed', '--group', groupId], profile, { HEARTH_PASSPHRASE: 'not the passphrase at all' }),
      hearth(['serve', '--for', '5'], profile),
    ])
    expect(wrong).toMatchObject({ code: 1, json: { ok: false, error: { code: 'WRONG_PASSPHRASE' } } })
    expect(second).toMatchObject({ code: 1, json: { ok: false, error: { code: 'PROFILE_BUSY' } } })
  })

  it('answers garbage on the socket with coded errors and keeps serving', async () => {
    const s = await rawSocket(node.socket)
    s.send('\u0000\u0001garbage\n{"id":1,"method":"feed","input":{"groupId":"' + groupId + '"}}\n{"id":2,"method":"unlock","input":{"passphrase":1}}\n')
    expect(await s.reply()).toMatchObject({ id: null, result: { ok: false, error: { code: 'INVALID_INPUT' } } })
    expect(await s.reply()).toMatchObject({ id: 1, result: { ok: false, error: { code: 'PROFILE_LOCKED' } } })
    expect(await s.reply()).toMatchObject({ id: 2, result: { ok: false, error: { code: 'INVALID_INPUT' } } })
    s.send('{"id":3,"method":"unlock","input":{"passphrase":"' + PASS + '"}}\n{"id":4,"method":"feed","input":{"groupId":"' + groupId + '"}}\n')
    expect(await s.reply()).toMatchObject({ id: 3, result: { ok: true, value: { unlocked: true } } })
    expect(await s.reply()).toMatchObject({ id: 4, result: { ok: true, value: { posts: [{ text: 'posted beside a running node' }] } } })
    s.send('{"id":5,"method":"__proto__"}\n')
    expect(await s.reply()).toMatchObject({ id: 5, result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } })
    s.send('y'.repeat(1024 * 1024 + 10))
    expect(await s.reply()).toMatchObject({ id: null, result: { ok: false, error: { code: 'INVALID_INPUT' } } })
    s.end()
    expect(node.child.proc.exitCode).toBeNull()
    expect((await hearth(['status'], profile, {})).json).toMatchObject({ serving: true })
  })

  it('after SIGTERM the socket is gone and commands run in-process again', async () => {
    await stopChild(node.child)
    expect(await node.child.exited).toEqual({ code: 0, signal: null })
    expect(existsSync(node.socket)).toBe(false)
    const [status, feed] = await Promise.all([hearth(['status'], profile, {}), hearth(['feed', '--group', groupId], profile)])
    expect(status.json).toEqual({ exists: true, unlocked: false, retryAfterMs: 0, serving: false })
    expect((feed.json as { text: string }[]).map((p) => p.text)).toEqual(['posted beside a running node'])
  })
})

describe('a stale socket', () => {
  it('is ignored by commands and replaced by serve; a panic wipe through the node stops it', async () => {
    const profile = path.join(cliNet.root, 'b')
    expect((await hearth(['init'], profile)).code).toBe(0)
    const sock = path.join(profile, 'node.sock')
    await staleSocket(sock)
    expect(lstatSync(sock).isSocket()).toBe(true)
    expect((await hearth(['status'], profile, {})).json).toMatchObject({ exists: true, serving: false })

    const node = await serve(profile, 60)
    try {
      expect(statSync(sock).mode & 0o777).toBe(0o600)
      const wiped = await hearth(['destroy', '--yes'], profile, {})
      expect(wiped).toMatchObject({ code: 0, json: { exists: false } })
      expect(await node.child.exited).toEqual({ code: 0, signal: null })
      expect(existsSync(sock)).toBe(false)
      expect(existsSync(profile)).toBe(false)
    } finally {
      await stopChild(node.child)
    }
  })
})
