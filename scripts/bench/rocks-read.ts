/**
 * What reading a held block back costs, and where: the newcomer reads every block it has just
 * downloaded (core/store/block-batch.ts `getBlocks`, through core/group/log-window.ts), and a
 * profile put ~16 µs of main-thread time on each RocksDB get (docs/spikes/2026-12-07-newcomer-cpu.md).
 *
 * One process, a real Corestore in a temp folder: C cores × N blocks of SIZE random bytes, then
 * every block read back once per arm, the arms alternated over ROUNDS rounds (the best round is
 * kept: the lower bound under a shared machine's load). Per arm: wall time, the main thread's CPU
 * (from /proc/self/task/<pid>/stat: what the app's JS thread pays), the whole process's CPU (the
 * storage threads too), and the RocksDB gets and read batches counted by rocksdb-native. Last,
 * the price of a `get` of a block not held (a miss), read from a log the store knows nothing of.
 *
 * What it showed (docs/benchmarks.md, session 12): the main thread pays ~7.8 µs per batch flushed
 * and ~1.1 µs per get in it, so the app's read-back in batches of 64 costs ~1.3 µs a block.
 *
 * Anchor: `core.get(i, { wait: false })` one block at a time, Hypercore's own read path.
 *
 *   ./node_modules/.bin/tsx scripts/bench/rocks-read.ts [--cores 20] [--blocks 5000] [--size 400] [--rounds 3] [--reopen]
 *
 * --reopen closes and reopens the Corestore after writing (blocks read from files, not the memtable).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { uptime } from './bench-util.ts'
import { getBlocks } from '../../core/store/block-batch.ts'
import { readWindows } from '../../core/group/log-window.ts'
import type { HypercoreSession } from '../../core/store/holepunch.ts'

type Core = HypercoreSession
/** Hypercore's `append` of many blocks at once, signed by the core's own key pair (a bench's named core). */
const appendMany = (core: Core, blocks: Uint8Array[]): Promise<unknown> => (core as unknown as { append(b: Uint8Array[]): Promise<unknown> }).append(blocks)
interface Store {
  get(o: { name: string } | { key: Uint8Array }): Core
  ready(): Promise<void>
  close(): Promise<void>
}
/** rocksdb-native's counters, reached through the session's storage (a bench may look inside). */
interface Inner {
  state: {
    storage: {
      db: { _state: { stats: { gets: number; readBatches: number } }; iterator(range: object, opts: object): AsyncIterable<{ key: Uint8Array; value: Uint8Array }> }
      core: { dataPointer: number }
      createBlockStream(o: { gte: number; lt: number }): AsyncIterable<{ index: number; value: Uint8Array }>
      read(): { read: { _asyncIO: boolean; _fillCache: boolean }; getBlock(i: number): Promise<Uint8Array | null>; tryFlush(): void }
    }
  }
}

const require = createRequire(import.meta.url)
const Corestore = require('corestore') as new (dir: string) => Store
const keys = require('hypercore-storage/lib/keys.js') as { core: { block(ptr: number, index: number): Uint8Array } }

const { values } = parseArgs({ options: { cores: { type: 'string' }, blocks: { type: 'string' }, size: { type: 'string' }, rounds: { type: 'string' }, reopen: { type: 'boolean' } } })
const C = Number(values.cores ?? 20)
const N = Number(values.blocks ?? 5000)
const SIZE = Number(values.size ?? 400)
const ROUNDS = Number(values.rounds ?? 3)
const TICK_MS = 10 // CLK_TCK is 100 on Linux

/** The main thread's CPU (user + system) in ms: /proc counts per thread, process.cpuUsage does not. */
function mainCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(f[11]) + Number(f[12])) * TICK_MS
}

function processCpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

const inner = (c: Core): Inner => c as unknown as Inner

/** A read batch of `indexes` with rocksdb-native's read options set on it (what getBlocks does, plus options). */
async function batchWith(core: Core, indexes: number[], opts: { asyncIO?: boolean; fillCache?: boolean }): Promise<(Uint8Array | null)[]> {
  const rx = inner(core).state.storage.read()
  if (opts.asyncIO !== undefined) rx.read._asyncIO = opts.asyncIO
  if (opts.fillCache !== undefined) rx.read._fillCache = opts.fillCache
  const reads = indexes.map((i) => rx.getBlock(i))
  rx.tryFlush()
  return Promise.all(reads)
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k)

/** An arm reads every block of `core` and says how many it read (a miss arm: how many it asked for). */
type Arm = (core: Core) => Promise<number>

/** Sequential batches of `b` (one in flight), through `read`. */
const batched =
  (b: number, read: (core: Core, ix: number[]) => Promise<(Uint8Array | null)[]>): Arm =>
  async (core) => {
    let n = 0
    for (let i = 0; i < core.length; i += b) for (const x of await read(core, range(i, Math.min(core.length, i + b)))) n += x ? 1 : 0
    return n
  }

const arms: [string, Arm][] = [
  [
    'core.get, one at a time (anchor)',
    async (core) => {
      let n = 0
      for (let i = 0; i < core.length; i++) n += (await core.get(i, { wait: false })) ? 1 : 0
      return n
    },
  ],
  ['core.get, 64 concurrent', batched(64, (core, ix) => Promise.all(ix.map((i) => core.get(i, { wait: false }))))],
  ['getBlocks, batch 1', batched(1, getBlocks)],
  ['getBlocks, batch 8', batched(8, getBlocks)],
  ['getBlocks, batch 64', batched(64, getBlocks)],
  ['getBlocks, batch 512', batched(512, getBlocks)],
  ['getBlocks, batch 4096', batched(4096, getBlocks)],
  ['batch 64, asyncIO', batched(64, (c, ix) => batchWith(c, ix, { asyncIO: true }))],
  ['batch 64, fillCache off', batched(64, (c, ix) => batchWith(c, ix, { fillCache: false }))],
  [
    'readWindows (64 × 4 ahead, the app path)',
    async (core) => {
      let n = 0
      const log = { get: (i: number) => core.get(i, { wait: false }), getMany: (ix: readonly number[]) => getBlocks(core, ix) }
      for await (const w of readWindows(log, 0, () => core.length)) n += w.blocks.length
      return n
    },
  ],
  [
    'block stream (iterator, 8 a read)',
    async (core) => {
      let n = 0
      for await (const b of inner(core).state.storage.createBlockStream({ gte: 0, lt: core.length })) n += b.value ? 1 : 0
      return n
    },
  ],
  [
    'iterator, 512 a read',
    async (core) => {
      const st = inner(core).state.storage
      let n = 0
      const it = st.db.iterator({ gte: keys.core.block(st.core.dataPointer, 0), lt: keys.core.block(st.core.dataPointer, core.length) }, { capacity: 512 })
      for await (const e of it) n += e.value ? 1 : 0
      return n
    },
  ],
]

/**
 * What a `get` of a block not held costs before any request goes out: Hypercore 11's `_get` reads
 * storage first (a batch of one that finds nothing), then its bitfield. This is the price a
 * read through `get` of blocks still arriving would pay per block, beside the read-back's.
 */
const missArm: [string, (empty: Core) => Promise<number>] = [
  'core.get of a block not held (a miss), one at a time',
  async (empty) => {
    let n = 0
    for (let i = 0; i < N; i++) n += (await empty.get(i, { wait: false })) === null ? 1 : 0
    return n
  },
]

const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-rocks-read-'))
const loadBefore = uptime()
let store = new Corestore(dir)
let cores: Core[] = []
for (let c = 0; c < C; c++) {
  const core = store.get({ name: `c${c}` })
  await core.ready()
  for (let j = 0; j < N; j += 500) await appendMany(core, Array.from({ length: Math.min(500, N - j) }, () => randomBytes(SIZE)))
  cores.push(core)
}
if (values.reopen) {
  await store.close()
  store = new Corestore(dir)
  cores = []
  for (let c = 0; c < C; c++) {
    const core = store.get({ name: `c${c}` })
    await core.ready()
    cores.push(core)
  }
}
const stats = inner(cores[0] as Core).state.storage.db._state.stats
// A log this store knows nothing of: every get is a miss.
const empty = store.get({ key: randomBytes(32) })
await empty.ready()

interface Row {
  wall: number
  main: number
  cpu: number
  gets: number
  batches: number
}
const best = new Map<string, Row>()
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, arm] of arms) {
    const g0 = stats.gets
    const b0 = stats.readBatches
    const m0 = mainCpuMs()
    const p0 = processCpuMs()
    const t0 = performance.now()
    let n = 0
    for (const core of cores) n += await arm(core)
    const row: Row = { wall: performance.now() - t0, main: mainCpuMs() - m0, cpu: processCpuMs() - p0, gets: stats.gets - g0, batches: stats.readBatches - b0 }
    if (n !== C * N) throw new Error(`${name}: read ${n} of ${C * N} blocks`)
    const was = best.get(name)
    if (!was || row.main < was.main) best.set(name, row)
  }
  const g0 = stats.gets
  const b0 = stats.readBatches
  const m0 = mainCpuMs()
  const p0 = processCpuMs()
  const t0 = performance.now()
  let n = 0
  for (let c = 0; c < C; c++) n += await missArm[1](empty)
  const row: Row = { wall: performance.now() - t0, main: mainCpuMs() - m0, cpu: processCpuMs() - p0, gets: stats.gets - g0, batches: stats.readBatches - b0 }
  if (n !== C * N) throw new Error(`${missArm[0]}: ${n} misses of ${C * N}`)
  const was = best.get(missArm[0])
  if (!was || row.main < was.main) best.set(missArm[0], row)
}

const total = C * N
const anchor = best.get(arms[0]?.[0] as string) as Row
const us = (ms: number): string => ((ms * 1000) / total).toFixed(1)
console.log(`\nrocks-read: ${C} cores × ${N} blocks of ${SIZE} B (${total} blocks), ${values.reopen ? 'reopened (files)' : 'as written (memtable)'}, best of ${ROUNDS} rounds (lowest main-thread CPU)`)
console.log('| arm | wall ms | main-thread CPU ms | µs main / block | process CPU ms | µs process / block | gets | read batches | main vs anchor |')
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const [name] of [...arms, missArm]) {
  const r = best.get(name) as Row
  console.log(`| ${name} | ${r.wall.toFixed(0)} | ${r.main} | ${us(r.main)} | ${r.cpu.toFixed(0)} | ${us(r.cpu)} | ${r.gets} | ${r.batches} | ${(r.main / anchor.main).toFixed(2)}× |`)
}
console.log(`\nload before: ${loadBefore}\nload after:  ${uptime()}`)
await store.close()
rmSync(dir, { recursive: true, force: true })
