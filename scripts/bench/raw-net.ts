/**
 * The network anchors for scripts/bench/sync.ts, with no Hearth code: two OS processes on a
 * loopback HyperDHT testnet, plain Hyperswarm and Hypercore.
 *
 *   rawRoundTrip(n)   one small message there and back over a Hyperswarm connection, n times
 *   rawFetch(sizes)   one process seeds cores holding blocks of exactly these sizes (random
 *                     bytes, one core per list), the other downloads every block; the time from
 *                     the leecher's start to its last block
 *   rawFetchOpen(blocks, plans, keys)
 *                     the same fetch of the group's own blocks (the ciphertext, as replicated),
 *                     and the fetching process also reads each block back, decrypts it and applies
 *                     the updates a newcomer must apply to plain Y.Docs (raw-open.ts); the time
 *                     from the leecher's start to its last block's work
 *
 * As a script, it is one of those processes (the role is its first argument).
 */
import { fork } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { randomBytes } from 'node:crypto'
import { LogWork, readBack, spent, type LogPlan } from './raw-open.ts'

interface Core {
  key: Uint8Array
  length: number
  ready(): Promise<void>
  append(blocks: Uint8Array[]): Promise<unknown>
  replicate(stream: unknown): unknown
  download(range: { start: number; end: number }): unknown
  get(index: number): Promise<Uint8Array>
  on(event: 'download', f: (index: number) => void): unknown
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

/** The fetching process's own CPU time in the last rawFetch (ms): steadier than wall time at load. */
export const rawFetchCpu = { ms: NaN }
/** The same for the last rawFetchOpen, with what it applied (a check that it did the work). */
export const rawOpenCpu = { ms: NaN, blocks: 0, applied: 0, openMs: NaN, applyMs: NaN }

/** Downloads blocks of these sizes (one list per core) from another process: ms to the last one. */
export async function rawFetch(sizes: number[][]): Promise<number> {
  const done = await fetchRun('leech', (root) => writeFileSync(path.join(root, 'sizes.json'), JSON.stringify(sizes)))
  rawFetchCpu.ms = done.cpuMs
  return done.ms
}

/**
 * Downloads these blocks (one list per core, the group's sealed blocks) from another process, and
 * reads back, decrypts and applies each as raw-open.ts says, `plans[i]` naming core i's latest
 * checkpoint and `keys` the epoch keys: ms to the last block's work.
 */
export async function rawFetchOpen(blocks: Uint8Array[][], plans: LogPlan[], keys: Map<number, Uint8Array>): Promise<number> {
  const done = await fetchRun('leech-open', (root) => {
    writeFileSync(path.join(root, 'sizes.json'), JSON.stringify(blocks.map((l) => l.map((b) => b.length))))
    for (const [i, list] of blocks.entries()) writeFileSync(path.join(root, `blocks-${i}.bin`), Buffer.concat(list))
    writeFileSync(path.join(root, 'plans.json'), JSON.stringify(plans))
    writeFileSync(path.join(root, 'epochs.json'), JSON.stringify([...keys].map(([e, k]) => [e, Buffer.from(k).toString('hex')])))
  })
  Object.assign(rawOpenCpu, { ms: done.cpuMs, blocks: done.blocks ?? 0, applied: done.applied ?? 0, openMs: done.openMs ?? NaN, applyMs: done.applyMs ?? NaN })
  return done.ms
}

/** What a fetching process reports: wall and own CPU ms; the open anchor adds what it did and where its time went. */
interface LeechDone { ms: number; cpuMs: number; blocks?: number; applied?: number; openMs?: number; applyMs?: number }

/** One seeding and one fetching process on a fresh testnet; `prepare` writes the seeder's input into the shared folder. */
async function fetchRun(leechRole: 'leech' | 'leech-open', prepare: (root: string) => void): Promise<LeechDone> {
  const net = await testnet()
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-raw-'))
  const boot = JSON.stringify(net.bootstrap)
  try {
    prepare(root)
    const seed = fork(SELF, ['seed', boot, root], { execArgv: TSX })
    try {
      await message(seed)
      // HEARTH_BENCH_ANCHOR_PROFILE=<dir>: the fetching process profiled like the newcomer
      // (scripts/bench/alloc-profile.mjs; it is killed with SIGTERM, so the preload exits on it).
      const prof = process.env.HEARTH_BENCH_ANCHOR_PROFILE
      const preload = pathToFileURL(path.resolve('scripts/bench/alloc-profile.mjs')).href
      // HEARTH_BENCH_NODE_FLAGS: the Node flags the sync bench gives its newcomer, given here too.
      const flags = (process.env.HEARTH_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)
      const leech = fork(SELF, [leechRole, boot, root], prof ? { execArgv: [...flags, ...TSX, '--import', preload], env: { ...process.env, HEARTH_PROFILE_DIR: prof, HEARTH_PROFILE_SIGTERM: '1' } } : { execArgv: [...flags, ...TSX] })
      try {
        return await message<LeechDone>(leech)
      } finally {
        leech.kill()
      }
    } finally {
      seed.kill()
    }
  } finally {
    await net.destroy()
    rmSync(root, { recursive: true, force: true })
  }
}

/** The blocks the seeder appends to core i: the group's own when given, else random bytes of the sizes. */
function blocksFor(root: string, i: number, sizes: number[]): Uint8Array[] {
  const file = path.join(root, `blocks-${i}.bin`)
  if (!existsSync(file)) return sizes.map((s) => randomBytes(s))
  const all = readFileSync(file)
  const out: Uint8Array[] = []
  let at = 0
  for (const s of sizes) {
    out.push(all.subarray(at, at + s))
    at += s
  }
  return out
}

/** Per-thread CPU marks for a profiled leech (alloc-profile.mjs `threads`, taken on SIGUSR2): at its start and its end. */
const mark = (): void => void (process.env.HEARTH_PROFILE_DIR && process.emit('SIGUSR2'))

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
} else if (role === 'seed' || role === 'leech' || role === 'leech-open') {
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
      const blocks = blocksFor(root, i, list)
      for (let j = 0; j < list.length; j += 1000) await core.append(blocks.slice(j, j + 1000))
      cores.push(core)
    }
    writeFileSync(path.join(root, 'keys.json'), JSON.stringify(cores.map((c) => Buffer.from(c.key).toString('hex'))))
    await swarm.join(TOPIC, { server: true, client: false }).flushed()
    process.send?.('ready')
  } else if (role === 'leech') {
    const keys = JSON.parse(readFileSync(path.join(root, 'keys.json'), 'utf8')) as string[]
    const total = (JSON.parse(readFileSync(path.join(root, 'sizes.json'), 'utf8')) as number[][]).reduce((a, l) => a + l.length, 0)
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    mark()
    let got = 0
    for (const k of keys) {
      const core = store.get({ key: Buffer.from(k, 'hex') })
      await core.ready()
      core.on('download', () => {
        if (++got !== total) return
        const cpu = process.cpuUsage(cpu0)
        mark()
        process.send?.({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 })
      })
      core.download({ start: 0, end: -1 })
      cores.push(core)
    }
    swarm.join(TOPIC, { server: false, client: true })
  } else {
    // leech-open: the same fetch; each block read back as it arrives, then opened and applied (raw-open.ts).
    const keys = JSON.parse(readFileSync(path.join(root, 'keys.json'), 'utf8')) as string[]
    const sizes = JSON.parse(readFileSync(path.join(root, 'sizes.json'), 'utf8')) as number[][]
    const plans = JSON.parse(readFileSync(path.join(root, 'plans.json'), 'utf8')) as LogPlan[]
    const epochKeys = new Map((JSON.parse(readFileSync(path.join(root, 'epochs.json'), 'utf8')) as [number, string][]).map(([e, k]) => [e, Buffer.from(k, 'hex')]))
    const total = sizes.reduce((a, l) => a + l.length, 0)
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    mark()
    const works: LogWork[] = []
    let got = 0
    let sent = false
    const finish = (): void => {
      if (sent || got < total || !works.every((w) => w.done)) return
      sent = true
      const cpu = process.cpuUsage(cpu0)
      mark()
      process.send?.({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, blocks: got, applied: works.reduce((a, w) => a + w.applied, 0), ...spent })
    }
    for (const [i, k] of keys.entries()) {
      const core = store.get({ key: Buffer.from(k, 'hex') })
      await core.ready()
      const work = new LogWork(plans[i] ?? null, (sizes[i] as number[]).length)
      works.push(work)
      // The blocks that arrive in one turn of the event loop are read back in one batch.
      let arrived: number[] = []
      core.on('download', (index) => {
        if (arrived.push(index) > 1) return
        setImmediate(() => {
          const indexes = arrived
          arrived = []
          void readBack(core as unknown as Parameters<typeof readBack>[0], indexes).then((blocks) => {
            work.addBatch(indexes, blocks, epochKeys)
            got += blocks.length
            finish()
          }, (e: unknown) => {
            console.error(e)
            process.exit(1)
          })
        })
      })
      core.download({ start: 0, end: -1 })
      cores.push(core)
    }
    swarm.join(TOPIC, { server: false, client: true })
  }
}
