/**
 * The network anchors for scripts/bench/sync.ts, with no Hearth code: two OS processes on a
 * loopback HyperDHT testnet, plain Hyperswarm and Hypercore.
 *
 *   rawRoundTrip(n)   one small message there and back over a Hyperswarm connection, n times
 *   rawFetch(sizes)   one process seeds cores holding blocks of exactly these sizes (random
 *                     bytes, one core per list), the other downloads every block; the time from
 *                     the leecher's start to its last block
 *
 * As a script, it is one of those processes (the role is its first argument).
 */
import { fork } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { randomBytes } from 'node:crypto'

interface Core {
  key: Uint8Array
  length: number
  ready(): Promise<void>
  append(blocks: Uint8Array[]): Promise<unknown>
  replicate(stream: unknown): unknown
  download(range: { start: number; end: number }): unknown
  on(event: 'download', f: () => void): unknown
}
interface Store { get(o: { name: string } | { key: Uint8Array }): Core; close(): Promise<void> }
interface Conn { on(event: 'error' | 'data', f: (d: Buffer) => void): unknown; write(b: Uint8Array): unknown }
interface Swarm {
  on(event: 'connection', f: (c: Conn) => void): unknown
  join(topic: Uint8Array, o: { server: boolean; client: boolean }): { flushed(): Promise<unknown> }
  destroy(): Promise<void>
}
type Address = { host: string; port: number }

const require = createRequire(import.meta.url)
const TOPIC = Buffer.alloc(32, 9)
const SELF = fileURLToPath(import.meta.url)
const TSX = ['--import', require.resolve('tsx')]

function swarmOn(boot: Address[]): Swarm {
  const Hyperswarm = require('hyperswarm') as new (o: { dht: unknown }) => Swarm
  const HyperDHT = require('hyperdht') as new (o: { bootstrap: Address[]; host: string }) => unknown
  return new Hyperswarm({ dht: new HyperDHT({ bootstrap: boot, host: '127.0.0.1' }) })
}

async function testnet(): Promise<{ bootstrap: Address[]; destroy(): Promise<void> }> {
  const createTestnet = require('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: Address[]; destroy(): Promise<void> }>
  return createTestnet(3, { host: '127.0.0.1' })
}

function message<T>(p: ReturnType<typeof fork>): Promise<T> {
  return new Promise((resolve, reject) => {
    p.once('message', (m) => resolve(m as T))
    p.once('exit', (code) => reject(new Error(`anchor process exited ${code}`)))
  })
}

/** Round trips of a 16-byte message over one plain Hyperswarm connection: the times in ms. */
export async function rawRoundTrip(n: number): Promise<number[]> {
  const net = await testnet()
  const boot = JSON.stringify(net.bootstrap)
  const echo = fork(SELF, ['echo', boot], { execArgv: TSX })
  try {
    await message(echo)
    const ping = fork(SELF, ['ping', boot, String(n)], { execArgv: TSX })
    try {
      return await message<number[]>(ping)
    } finally {
      ping.kill()
    }
  } finally {
    echo.kill()
    await net.destroy()
  }
}

/** Downloads blocks of these sizes (one list per core) from another process: ms to the last one. */
/** The fetching process's own CPU time in the last rawFetch (ms): steadier than wall time at load. */
export const rawFetchCpu = { ms: NaN }

export async function rawFetch(sizes: number[][]): Promise<number> {
  const net = await testnet()
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-raw-'))
  const boot = JSON.stringify(net.bootstrap)
  writeFileSync(path.join(root, 'sizes.json'), JSON.stringify(sizes))
  const seed = fork(SELF, ['seed', boot, root], { execArgv: TSX })
  try {
    await message(seed)
    // HEARTH_BENCH_ANCHOR_PROFILE=<dir>: the fetching process profiled like the newcomer
    // (scripts/bench/alloc-profile.mjs; it is killed with SIGTERM, so the preload exits on it).
    const prof = process.env.HEARTH_BENCH_ANCHOR_PROFILE
    const preload = pathToFileURL(path.resolve('scripts/bench/alloc-profile.mjs')).href
    const leech = fork(SELF, ['leech', boot, root], prof ? { execArgv: [...TSX, '--import', preload], env: { ...process.env, HEARTH_PROFILE_DIR: prof, HEARTH_PROFILE_SIGTERM: '1' } } : { execArgv: TSX })
    try {
      const done = await message<{ ms: number; cpuMs: number }>(leech)
      rawFetchCpu.ms = done.cpuMs
      return done.ms
    } finally {
      leech.kill()
    }
  } finally {
    seed.kill()
    await net.destroy()
    rmSync(root, { recursive: true, force: true })
  }
}

const [role, boot, arg] = process.argv.slice(2)
if (role === 'echo' || role === 'ping') {
  const swarm = swarmOn(JSON.parse(boot as string) as Address[])
  if (role === 'echo') {
    swarm.on('connection', (c) => {
      c.on('error', () => undefined)
      c.on('data', (d) => c.write(d))
    })
    await swarm.join(TOPIC, { server: true, client: false }).flushed()
    process.send?.('ready')
  } else {
    const n = Number(arg)
    swarm.on('connection', (c) => {
      c.on('error', () => undefined)
      const times: number[] = []
      let t = performance.now()
      c.on('data', () => {
        times.push(performance.now() - t)
        if (times.length === n) process.send?.(times)
        else {
          t = performance.now()
          c.write(randomBytes(16))
        }
      })
      c.write(randomBytes(16))
    })
    swarm.join(TOPIC, { server: false, client: true })
  }
} else if (role === 'seed' || role === 'leech') {
  const Corestore = require('corestore') as new (dir: string) => Store
  const root = arg as string
  const store = new Corestore(path.join(root, role))
  const swarm = swarmOn(JSON.parse(boot as string) as Address[])
  const cores: Core[] = []
  swarm.on('connection', (conn) => {
    conn.on('error', () => undefined)
    for (const c of cores) c.replicate(conn)
  })
  if (role === 'seed') {
    const sizes = JSON.parse(readFileSync(path.join(root, 'sizes.json'), 'utf8')) as number[][]
    for (const [i, list] of sizes.entries()) {
      const core = store.get({ name: `c${i}` })
      await core.ready()
      for (let j = 0; j < list.length; j += 1000) await core.append(list.slice(j, j + 1000).map((s) => randomBytes(s)))
      cores.push(core)
    }
    writeFileSync(path.join(root, 'keys.json'), JSON.stringify(cores.map((c) => Buffer.from(c.key).toString('hex'))))
    await swarm.join(TOPIC, { server: true, client: false }).flushed()
    process.send?.('ready')
  } else {
    const keys = JSON.parse(readFileSync(path.join(root, 'keys.json'), 'utf8')) as string[]
    const total = (JSON.parse(readFileSync(path.join(root, 'sizes.json'), 'utf8')) as number[][]).reduce((a, l) => a + l.length, 0)
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    let got = 0
    for (const k of keys) {
      const core = store.get({ key: Buffer.from(k, 'hex') })
      await core.ready()
      core.on('download', () => {
        if (++got !== total) return
        const cpu = process.cpuUsage(cpu0)
        process.send?.({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 })
      })
      core.download({ start: 0, end: -1 })
      cores.push(core)
    }
    swarm.join(TOPIC, { server: false, client: true })
  }
}
