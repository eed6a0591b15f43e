/**
 * Preloaded into every process of a bench run (NODE_OPTIONS="--import <this file>" on the bench's
 * command line: children inherit it) to count, per process, RocksDB read and write batches by
 * size, the main thread's CPU beside the whole process's, and CPU by thread name. Each process writes
 * HEARTH_ROCKS_COUNT_DIR/<pid>.json every 250 ms and at exit (the raw fetch's leech is killed,
 * so the last snapshot may be up to 250 ms old). Counting is two integer additions per flush.
 *
 * Why: the newcomer's profile put rocksdb-native's `_flush` at ~16 µs per get, and a read batch
 * costs mostly per flush, not per get (scripts/bench/rocks-read.ts); this says how many flushes of
 * what size each process made.
 *
 *   HEARTH_ROCKS_COUNT_DIR=/tmp/rc NODE_OPTIONS="--import ./scripts/bench/rocks-count.mjs" ./node_modules/.bin/tsx scripts/bench/sync.ts …
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const dir = process.env.HEARTH_ROCKS_COUNT_DIR
if (dir) {
  const require = createRequire(path.join(process.cwd(), 'package.json'))
  // The same module instance hypercore-storage loads (a real path, past the package's exports).
  const batchFile = fs.realpathSync(path.join(path.dirname(require.resolve('rocksdb-native')), 'lib', 'batch.js'))
  const { ReadBatch, WriteBatch } = require(batchFile)
  const sizes = [1, 2, 8, 64, 512]
  const bucket = (n) => {
    let b = 0
    while (b + 1 < sizes.length && n >= sizes[b + 1]) b++
    return sizes[b]
  }
  const counts = { read: { flushes: 0, ops: 0, bySize: {} }, write: { flushes: 0, ops: 0, bySize: {} }, origins: {} }
  // HEARTH_ROCKS_COUNT_EVERY=n: every n-th read flush, the app's innermost frames that led to it
  // (a batch flushed from a continuation shows the frames since the last await only).
  const every = Number(process.env.HEARTH_ROCKS_COUNT_EVERY ?? 0)
  const origin = () => {
    const lines = (new Error().stack ?? '').split('\n').slice(3)
    const app = lines.filter((l) => /\/(core|scripts|test)\//.test(l) && !l.includes('rocks-count')).slice(0, 2)
    const top = lines.slice(0, 4).map((l) => l.trim().replace(/^at /, '').replace(/\(.*node_modules\/([^/]+)\/.*\)/, '($1)'))
    return (app.length ? app.map((l) => l.trim().replace(/^at /, '').replace(/\(.*\/(core|scripts|test)\//, '($1/')).join(' < ') : top.join(' < ')).slice(0, 240)
  }
  const wrap = (proto, c) => {
    for (const name of ['flush', 'tryFlush']) {
      const orig = proto[name]
      proto[name] = function (...args) {
        const n = this._operations.length
        c.flushes++
        c.ops += n
        const k = bucket(n)
        c.bySize[k] = (c.bySize[k] ?? 0) + 1
        if (every && c === counts.read && c.flushes % every === 0) {
          const o = `${k}: ${origin()}`
          counts.origins[o] = (counts.origins[o] ?? 0) + 1
        }
        return orig.apply(this, args)
      }
    }
  }
  wrap(ReadBatch.prototype, counts.read)
  wrap(WriteBatch.prototype, counts.write)
  const mainCpuMs = () => {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) * 10
  }
  // CPU by thread: `main`, RocksDB's own background threads (`rocksdb:*`: flushes, compactions),
  // and the rest under their names (on Node 20 libuv's pool, where RocksDB reads and writes run,
  // and V8's GC and compiler helpers are all unnamed `node`). An ended thread keeps its last figure.
  const threads = {}
  const byThread = () => {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      try {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        threads[tid] = { name: tid === String(process.pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ms: (Number(f[11]) + Number(f[12])) * 10 }
      } catch {
        // ended between the listing and the read
      }
    }
    const out = {}
    for (const { name, ms } of Object.values(threads)) out[name] = (out[name] ?? 0) + ms
    return out
  }
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${process.pid}.json`)
  const write = () => {
    const u = process.cpuUsage()
    fs.writeFileSync(file, JSON.stringify({ argv: process.argv.slice(1).join(' ').slice(-200), mainCpuMs: mainCpuMs(), processCpuMs: Math.round((u.user + u.system) / 1000), threads: byThread(), ...counts }))
  }
  setInterval(write, 250).unref()
  process.on('exit', write)
}
