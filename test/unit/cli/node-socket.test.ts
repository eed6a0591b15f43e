/**
 * The node's local socket against a real service and real files, in one process: who may call
 * what before and after showing the passphrase, bad frames, bounds, stale and live sockets.
 * test/integration/cli/serve-socket.test.ts drives the same through `hearth serve` processes.
 */
import { chmodSync, existsSync, lstatSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createService, type HearthService } from '../../../core/service.ts'
import { connectToNode, type NodeClient } from '../../../scripts/cli/node-client.ts'
import { listenOnProfile, MAX_CONNECTIONS, type NodeSocket } from '../../../scripts/cli/node-socket.ts'
import { MAX_LINE_BYTES } from '../../../scripts/cli/node-wire.ts'
import { HearthError } from '../../../core/errors.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { staleSocket } from '../../helpers/stale-socket.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const cleanup: (() => Promise<unknown>)[] = []

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

/** The check a serving node runs: the service's own, with the vault's back-off. */
function checkWith(service: HearthService) {
  return async (passphrase: string): Promise<void> => {
    const r = await service.checkPassphrase({ passphrase })
    if (!r.ok) throw new HearthError(r.error.code, r.error.message)
  }
}

async function node(): Promise<{ dir: string; service: HearthService; socket: NodeSocket }> {
  const dir = path.join(tempDir(), 'profile')
  const service = createService({ profileDir: dir, kdf: CHEAP_KDF })
  cleanup.push(() => service.close())
  expect(await service.createProfile({ passphrase: PASS, name: 'Alder' })).toMatchObject({ ok: true })
  const { socket } = await listenOnProfile({ profileDir: dir, service, checkPassphrase: checkWith(service) })
  if (!socket) throw new Error('no socket')
  cleanup.push(() => socket.close())
  return { dir, service, socket }
}

async function client(dir: string): Promise<NodeClient> {
  const c = await connectToNode(dir)
  if (!c) throw new Error('no node answered')
  cleanup.push(() => c.close())
  return c
}

/** A raw connection: write any bytes, read the node's lines. */
async function raw(endpoint: string): Promise<{ send(text: string): void; next(): Promise<unknown>; closed: Promise<void> }> {
  const sock = net.createConnection(endpoint)
  await new Promise((resolve, reject) => sock.once('connect', resolve).once('error', reject))
  cleanup.push(async () => sock.destroy())
  const lines: string[] = []
  const waiting: (() => void)[] = []
  let partial = ''
  sock.on('data', (d: Buffer) => {
    const parts = (partial + d.toString('utf8')).split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
    waiting.splice(0).forEach((w) => w())
  })
  const closed = new Promise<void>((resolve) => sock.on('close', () => resolve()))
  return {
    send: (text) => sock.write(text),
    async next() {
      while (lines.length === 0) await new Promise<void>((resolve) => waiting.push(resolve))
      return JSON.parse(lines.shift() as string)
    },
    closed,
  }
}

describe('node socket', () => {
  it('is owner-only, answers only status until the passphrase is shown, then everything', async () => {
    const { dir, socket } = await node()
    expect(statSync(socket.endpoint).mode & 0o777).toBe(0o600)
    const c = await client(dir)

    expect(await c.listGroups({})).toMatchObject({ ok: false, error: { code: 'PROFILE_LOCKED' } })
    expect(await c.profileStatus({})).toEqual({ ok: true, value: { exists: true, unlocked: true, retryAfterMs: 0 } })
    expect(await c.createProfile({ passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'PROFILE_EXISTS' } })
    expect(await c.unlock({ passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } })
    expect(await c.call('unlock', { passphrase: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await c.listGroups({})).toMatchObject({ ok: false, error: { code: 'PROFILE_LOCKED' } })

    expect(await c.unlock({ passphrase: PASS })).toMatchObject({ ok: true, value: { unlocked: true } })
    const changed: string[] = []
    c.on('groupChanged', ({ groupId }) => changed.push(groupId))
    const group = await c.createGroup({ name: 'Circle' })
    if (!group.ok) throw new Error(group.error.code)
    const post = await c.post({ groupId: group.value.id, text: 'hello from the socket' })
    expect(post.ok).toBe(true)
    const feed = await c.feed({ groupId: group.value.id })
    expect(feed.ok && feed.value.posts.map((p) => p.text)).toEqual(['hello from the socket'])
    expect(await c.call('nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    await expect.poll(() => changed).toContain(group.value.id)

    // Showing the passphrase on one connection unlocks that connection only.
    const other = await client(dir)
    expect(await other.listGroups({})).toMatchObject({ ok: false, error: { code: 'PROFILE_LOCKED' } })
  })

  it('answers bad frames with coded errors, hangs up on an endless line, and keeps serving', async () => {
    const { dir, socket } = await node()
    const s = await raw(socket.endpoint)
    s.send('not json\n[]\n{"id":1}\n{"method":"feed"}\n{"id":2,"method":"feed","input":{"groupId":"x"}}\n')
    expect(await s.next()).toMatchObject({ id: null, result: { ok: false, error: { code: 'INVALID_INPUT' } } })
    expect(await s.next()).toMatchObject({ id: null, result: { error: { code: 'INVALID_INPUT' } } })
    expect(await s.next()).toMatchObject({ id: 1, result: { error: { code: 'INVALID_INPUT' } } })
    expect(await s.next()).toMatchObject({ id: null, result: { error: { code: 'INVALID_INPUT' } } })
    expect(await s.next()).toMatchObject({ id: 2, result: { error: { code: 'PROFILE_LOCKED' } } })
    // Pipelined: the call after `unlock` waits for the passphrase check.
    s.send(`{"id":3,"method":"unlock","input":{"passphrase":"${PASS}"}}\n{"id":4,"method":"feed","input":{"groupId":"x"}}\n`)
    expect(await s.next()).toMatchObject({ id: 3, result: { ok: true } })
    expect(await s.next()).toMatchObject({ id: 4, result: { ok: false, error: { code: 'INVALID_INPUT' } } })

    const flood = await raw(socket.endpoint)
    flood.send('x'.repeat(MAX_LINE_BYTES + 1))
    expect(await flood.next()).toMatchObject({ id: null, result: { ok: false, error: { code: 'INVALID_INPUT' } } })
    await flood.closed

    const c = await client(dir)
    expect(await c.profileStatus({})).toMatchObject({ ok: true })
  })

  it('bounds connections, and hangs up cleanly on its callers when it closes', async () => {
    const { dir, socket } = await node()
    const held = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => client(dir)))
    const extra = await raw(socket.endpoint)
    expect(await extra.next()).toMatchObject({ id: null, result: { ok: false, error: { code: 'PROFILE_BUSY' } } })
    await extra.closed
    await held[0]?.close()
    await expect.poll(async () => (await connectToNode(dir).then(async (c) => {
      const r = await c?.profileStatus({})
      await c?.close()
      return r?.ok
    }))).toBe(true)

    await socket.close()
    expect(existsSync(socket.endpoint)).toBe(false)
    expect(await held[1]?.profileStatus({})).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } })
    expect(await connectToNode(dir)).toBeNull()
  })

  it('replaces a stale socket, refuses to start beside a live one, and trusts no socket others could write', async () => {
    const { dir, service, socket } = await node()
    const listen = async (): Promise<NodeSocket | null> => (await listenOnProfile({ profileDir: dir, service, checkPassphrase: checkWith(service) })).socket
    await expect(listen()).rejects.toMatchObject({ code: 'PROFILE_BUSY' })

    chmodSync(socket.endpoint, 0o666)
    expect(await connectToNode(dir)).toBeNull()
    await socket.close()

    await staleSocket(socket.endpoint)
    expect(lstatSync(socket.endpoint).isSocket()).toBe(true)
    expect(await connectToNode(dir)).toBeNull()
    const again = await listen()
    if (!again) throw new Error('no socket')
    cleanup.push(() => again.close())
    expect(statSync(again.endpoint).mode & 0o777).toBe(0o600)
    const c = await client(dir)
    expect(await c.unlock({ passphrase: PASS })).toMatchObject({ ok: true })
  })
})

describe('where no socket can be', () => {
  it('says why for a path too long to bind, and refuses to remove a file that is not a socket', async () => {
    const long = path.join(tempDir(), 'x'.repeat(100))
    const service = createService({ profileDir: long, kdf: CHEAP_KDF })
    cleanup.push(() => service.close())
    expect(await listenOnProfile({ profileDir: long, service, checkPassphrase: checkWith(service) })).toEqual({ socket: null, why: expect.stringMatching(/too long/) })
    expect(await connectToNode(long)).toBeNull()

    const dir = tempDir()
    writeFileSync(path.join(dir, 'node.sock'), 'mine')
    await expect(listenOnProfile({ profileDir: dir, service, checkPassphrase: checkWith(service) })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(readFileSync(path.join(dir, 'node.sock'), 'utf8')).toBe('mine')
  })
})
