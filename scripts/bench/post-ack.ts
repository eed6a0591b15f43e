/**
 * Post → acknowledged: what waiting for the own-log record (core/service.ts, log-lengths.ts
 * `durable`) costs a post. For each tree measured — this one, and with `--before DIR` an earlier
 * checkout of Hearth (its `core/service.ts` is imported from there, runs alternate) — a fresh
 * profile posts POSTS posts one after another (wall time of each call: p50, p99) and then BURST
 * posts at once (wall time of the whole burst, and CPU). Anchors in the same run: a bare atomic
 * write with its two fsyncs (temp file, fsync, rename, fsync of the folder: what one record write
 * costs) and a raw Hypercore append of a post-sized block. `uptime` before and after; the machine
 * is shared, so compare within one run only.
 *
 *   npx tsx scripts/bench/post-ack.ts [--before DIR] [--posts 200] [--burst 1000] [--runs 2]
 */
import { randomBytes } from 'node:crypto'
import { promises as fs, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { createService as CreateService } from '../../core/service.ts'
import { pct, uptime } from './bench-util.ts'

const { values } = parseArgs({ options: { before: { type: 'string' }, posts: { type: 'string' }, burst: { type: 'string' }, runs: { type: 'string' } } })
const POSTS = Number(values.posts ?? 200)
const BURST = Number(values.burst ?? 1000)
const RUNS = Number(values.runs ?? 2)
const ANCHOR_N = 200
const CHEAP_KDF = { opslimit: 1, memlimit: 8 * 1024 * 1024 }
const here = path.resolve(fileURLToPath(new URL('../..', import.meta.url)))
const trees = [...(values.before ? [{ name: 'before', root: path.resolve(values.before) }] : []), { name: 'after', root: here }]
const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-ack-'))
const since = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6
const cpuMs = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000

interface Run { perPost: number[]; burstMs: number; burstCpuMs: number; seqCpuMs: number }

async function measure(createService: typeof CreateService, dir: string): Promise<Run> {
  const svc = createService({ profileDir: dir, kdf: CHEAP_KDF })
  const must = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>): Promise<T> => {
    const res = await r
    if (!res.ok) throw new Error(res.error.code)
    return res.value
  }
  await must(svc.createProfile({ passphrase: 'benchmark passphrase, not secret', name: 'Alder' }))
  const { id: groupId } = await must(svc.createGroup({ name: 'Circle' }))
  const perPost: number[] = []
  const seqCpu = process.cpuUsage()
  for (let i = 0; i < POSTS; i++) {
    const t = process.hrtime.bigint()
    await must(svc.post({ groupId, text: `post ${i}: a few words about the week, as people write them` }))
    perPost.push(since(t))
  }
  const seqCpuMs = cpuMs(process.cpuUsage(seqCpu)) / POSTS
  const cpu = process.cpuUsage()
  const t = process.hrtime.bigint()
  await Promise.all(Array.from({ length: BURST }, (_, i) => must(svc.post({ groupId, text: `burst ${i}` }))))
  const burstMs = since(t)
  const burstCpuMs = cpuMs(process.cpuUsage(cpu))
  await svc.close()
  return { perPost, burstMs, burstCpuMs, seqCpuMs }
}

/** A bare atomic write with its fsync pair, as the record is written (atomic-file.ts). */
async function fsyncPairs(dir: string): Promise<number[]> {
  const out: number[] = []
  const file = path.join(dir, 'record')
  const dirHandle = await fs.open(dir, 'r')
  for (let i = 0; i < ANCHOR_N; i++) {
    const t = process.hrtime.bigint()
    const fh = await fs.open(`${file}.tmp`, 'w')
    await fh.writeFile(randomBytes(120))
    await fh.sync()
    await fh.close()
    await fs.rename(`${file}.tmp`, file)
    await dirHandle.sync()
    out.push(since(t))
  }
  await dirHandle.close()
  return out
}

/** Raw Hypercore appends of a post-sized block, one after another. */
async function rawAppends(dir: string): Promise<number[]> {
  const Corestore = createRequire(import.meta.url)('corestore') as new (dir: string) => { get(o: { name: string }): { ready(): Promise<void>; append(b: Buffer): Promise<unknown> }; close(): Promise<void> }
  const store = new Corestore(dir)
  const core = store.get({ name: 'anchor' })
  await core.ready()
  const out: number[] = []
  for (let i = 0; i < ANCHOR_N; i++) {
    const t = process.hrtime.bigint()
    await core.append(randomBytes(300))
    out.push(since(t))
  }
  await store.close()
  return out
}

const f = (n: number): string => `${n.toFixed(2)} ms`
try {
  console.log(`uptime before: ${uptime()}`)
  const services = new Map<string, typeof CreateService>()
  for (const tree of trees) services.set(tree.name, ((await import(path.join(tree.root, 'core/service.ts'))) as { createService: typeof CreateService }).createService)
  const fsync: number[] = []
  const raw: number[] = []
  const runs = new Map<string, Run[]>(trees.map((t) => [t.name, []]))
  for (let r = 0; r < RUNS; r++) {
    fsync.push(...(await fsyncPairs(mkdtempSync(path.join(root, 'fsync-')))))
    raw.push(...(await rawAppends(mkdtempSync(path.join(root, 'raw-')))))
    // Alternating, so a change of load falls on both trees alike.
    for (const tree of r % 2 ? [...trees].reverse() : trees) runs.get(tree.name)?.push(await measure(services.get(tree.name) as typeof CreateService, mkdtempSync(path.join(root, `${tree.name}-`))))
  }
  const anchor = pct(fsync, 50)
  console.log(`\n| measure | p50 | p99 | p50 ÷ fsync-pair p50 |\n|---|---|---|---|`)
  console.log(`| anchor: atomic write + fsync pair (${fsync.length}) | ${f(anchor)} | ${f(pct(fsync, 99))} | 1.00× |`)
  console.log(`| anchor: raw Hypercore append (${raw.length}) | ${f(pct(raw, 50))} | ${f(pct(raw, 99))} | ${(pct(raw, 50) / anchor).toFixed(2)}× |`)
  for (const [name, rs] of runs) {
    const all = rs.flatMap((x) => x.perPost)
    console.log(`| ${name}: post → acknowledged (${all.length}) | ${f(pct(all, 50))} | ${f(pct(all, 99))} | ${(pct(all, 50) / anchor).toFixed(2)}× |`)
  }
  console.log(`\n| tree | CPU per post (sequential) | burst of ${BURST}: wall | burst: CPU | burst wall ÷ fsync-pair p50 |\n|---|---|---|---|---|`)
  for (const [name, rs] of runs) {
    for (const x of rs) console.log(`| ${name} | ${f(x.seqCpuMs)} | ${f(x.burstMs)} | ${f(x.burstCpuMs)} | ${(x.burstMs / anchor).toFixed(0)}× |`)
  }
  console.log(`\nuptime after: ${uptime()}`)
} finally {
  rmSync(root, { recursive: true, force: true })
}
