/**
 * The ceiling under Hearth's initial sync: plain Hypercore replication, no Hearth code. One
 * process seeds C cores holding N blocks of SIZE random bytes in all; another process, on the
 * same loopback testnet, downloads every block. Measures the time until the last block arrived
 * and prints a table. It shows why a newcomer must fetch fewer blocks rather than the same blocks
 * faster (docs/decisions.md, 2026-11-24 — initial sync).
 *
 *   npx tsx scripts/bench/replication.ts [--blocks 100000] [--cores 20] [--size 390]
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'

interface Core {
  key: Uint8Array
  ready(): Promise<void>
  append(blocks: Uint8Array[]): Promise<unknown>
  replicate(stream: unknown): unknown
  download(range: { start: number; end: number }): unknown
  on(event: 'download', f: () => void): unknown
}
interface Store { get(o: { name: string } | { key: Uint8Array }): Core }
interface Conn { on(event: 'error', f: () => void): unknown }
interface Swarm {
  on(event: 'connection', f: (c: Conn) => void): unknown
  join(topic: Uint8Array, o: { server: boolean; client: boolean }): { flushed(): Promise<unknown> }
}
type Address = { host: string; port: number }

const require = createRequire(import.meta.url)
const Corestore = require('corestore') as new (dir: string) => Store
const Hyperswarm = require('hyperswarm') as new (o: { dht: unknown }) => Swarm
const HyperDHT = require('hyperdht') as new (o: { bootstrap: Address[]; host: string }) => unknown
const createTestnet = require('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: Address[]; destroy(): Promise<void> }>

const { values, positionals } = parseArgs({ allowPositionals: true, options: { blocks: { type: 'string' }, cores: { type: 'string' }, size: { type: 'string' } } })
const N = Number(values.blocks ?? 100_000)
const C = Number(values.cores ?? 20)
const SIZE = Number(values.size ?? 390)
const TOPIC = Buffer.alloc(32, 7)
const [role, dir, boot, keys] = positionals

if (role === 'seed' || role === 'leech') {
  const store = new Corestore(dir as string)
  const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap: JSON.parse(boot as string) as Address[], host: '127.0.0.1' }) })
  const cores: Core[] = []
  swarm.on('connection', (conn) => {
    conn.on('error', () => undefined)
    for (const c of cores) c.replicate(conn)
  })
  if (role === 'seed') {
    for (let i = 0; i < C; i++) {
      const core = store.get({ name: `c${i}` })
      await core.ready()
      for (let j = 0; j < N / C; j += 1000) await core.append(Array.from({ length: Math.min(1000, N / C - j) }, () => randomBytes(SIZE)))
      cores.push(core)
    }
    await swarm.join(TOPIC, { server: true, client: false }).flushed()
    process.send?.(cores.map((c) => Buffer.from(c.key).toString('hex')))
  } else {
    const t0 = performance.now()
    let first = 0
    let got = 0
    for (const k of JSON.parse(keys as string) as string[]) {
      const core = store.get({ key: Buffer.from(k, 'hex') })
      await core.ready()
      core.on('download', () => {
        if (got++ === 0) first = performance.now()
        if (got === N) process.send?.([first - t0, performance.now() - first])
      })
      core.download({ start: 0, end: -1 })
      cores.push(core)
    }
    swarm.join(TOPIC, { server: false, client: true })
  }
} else {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-replication-'))
  const net = await createTestnet(3, { host: '127.0.0.1' })
  const self = fileURLToPath(import.meta.url)
  const tsx = ['--import', require.resolve('tsx')]
  const sizes = ['--blocks', String(N), '--cores', String(C), '--size', String(SIZE)]
  const seed = fork(self, ['seed', path.join(root, 'seed'), JSON.stringify(net.bootstrap), ...sizes], { execArgv: tsx })
  try {
    const coreKeys = await new Promise<string[]>((resolve) => seed.once('message', (m) => resolve(m as string[])))
    const t0 = performance.now()
    const leech = fork(self, ['leech', path.join(root, 'leech'), JSON.stringify(net.bootstrap), JSON.stringify(coreKeys), ...sizes], { execArgv: [...tsx] })
    const [connect, transfer] = await new Promise<[number, number]>((resolve) => leech.once('message', (m) => resolve(m as [number, number])))
    const total = performance.now() - t0
    leech.kill()
    console.log(`\nPlain Hypercore replication across two processes on a loopback testnet\n`)
    console.log('| blocks | cores | block size | first block → last | blocks/s | finding the peer | total incl. process start |')
    console.log('|---:|---:|---:|---:|---:|---:|---:|')
    console.log(`| ${N.toLocaleString()} | ${C} | ${SIZE} B | ${(transfer / 1000).toFixed(1)} s | ${Math.round(N / (transfer / 1000)).toLocaleString()} | ${(connect / 1000).toFixed(1)} s | ${(total / 1000).toFixed(1)} s |`)
  } finally {
    seed.kill()
    await net.destroy()
    rmSync(root, { recursive: true, force: true })
  }
}
