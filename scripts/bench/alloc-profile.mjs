/**
 * Preloaded into a child process (NODE_OPTIONS=--import …) to write, when it exits, to
 * HEARTH_PROFILE_DIR: a CPU profile, a sampling heap profile that counts allocations later
 * collected by the minor and major GC (so it shows where garbage is made, not what is kept), and
 * the GC pauses by kind with the process's CPU and wall time; with `gcp`, V8's GCProfiler's
 * per-scavenge young and old space figures (what survives and is promoted). HEARTH_PROFILE_KIND
 * picks (comma-separated: cpu, heap, gc, gcp, threads; default cpu, heap, gc). With `threads`, each
 * thread's own CPU (from /proc: the main thread, V8's GC and compile helpers, libuv's pool,
 * RocksDB's) at every SIGUSR2 (the sync bench sends one at the welcome and one at the whole
 * history, HEARTH_BENCH_THREADS) and at exit. The inspector session of the same thread answers
 * synchronously, so the 'exit' handler can stop and save.
 */
import fs from 'node:fs'
import inspector from 'node:inspector'
import path from 'node:path'
import { PerformanceObserver, constants } from 'node:perf_hooks'
import v8 from 'node:v8'

// V8 flags NODE_OPTIONS refuses (e.g. --no-parallel-scavenge), set before the heap grows.
if (process.env.HEARTH_V8_FLAGS) v8.setFlagsFromString(process.env.HEARTH_V8_FLAGS)

const dir = process.env.HEARTH_PROFILE_DIR
const kinds = new Set((process.env.HEARTH_PROFILE_KIND ?? 'cpu,heap,gc').split(','))
if (dir) {
  const session = new inspector.Session()
  session.connect()
  if (kinds.has('cpu')) {
    session.post('Profiler.enable')
    session.post('Profiler.setSamplingInterval', { interval: 1000 })
    session.post('Profiler.start')
  }
  if (kinds.has('heap')) {
    session.post('HeapProfiler.enable')
    session.post('HeapProfiler.startSampling', {
      samplingInterval: Number(process.env.HEARTH_HEAP_INTERVAL ?? 32768),
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    })
  }
  const gc = { minor: [0, 0], major: [0, 0], incremental: [0, 0], weak: [0, 0] }
  if (kinds.has('gc')) {
    const names = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak' }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const k = names[e.detail?.kind ?? e.kind] ?? 'weak'
        gc[k][0]++
        gc[k][1] += e.duration
      }
    }).observe({ entryTypes: ['gc'] })
  }
  const gcp = kinds.has('gcp') ? new v8.GCProfiler() : null
  gcp?.start()
  const t0 = performance.now()
  // Per thread (by name; Node's own helpers by id): user and system CPU ms (clock ticks of 10 ms, as /proc gives them).
  const threads = () => {
    const out = {}
    for (const t of fs.readdirSync('/proc/self/task')) {
      try {
        // Node's helper threads all carry its name: the main thread is told by its id.
        const comm = fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim()
        const name = Number(t) === process.pid ? 'main' : comm === 'node' ? `node#${t}` : comm
        const stat = fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8')
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        const e = (out[name] ??= { n: 0, userMs: 0, sysMs: 0 })
        e.n++
        e.userMs += Number(f[11]) * 10
        e.sysMs += Number(f[12]) * 10
      } catch { /* a thread that ended meanwhile */ }
    }
    return out
  }
  const snaps = []
  if (kinds.has('threads')) process.on('SIGUSR2', () => snaps.push({ atMs: performance.now() - t0, threads: threads() }))
  // A child killed with SIGTERM (the raw fetch's leech) still writes its profiles.
  if (process.env.HEARTH_PROFILE_SIGTERM) process.on('SIGTERM', () => process.exit(0))
  process.on('exit', () => {
    const pid = process.pid
    if (kinds.has('cpu')) session.post('Profiler.stop', (err, res) => {
      if (!err) fs.writeFileSync(path.join(dir, `hearth-${pid}.cpuprofile`), JSON.stringify(res.profile))
    })
    if (kinds.has('heap')) session.post('HeapProfiler.stopSampling', (err, res) => {
      if (!err) fs.writeFileSync(path.join(dir, `hearth-${pid}.heapprofile`), JSON.stringify(res.profile))
      else fs.writeFileSync(path.join(dir, `hearth-${pid}.heaperr`), String(err))
    })
    if (gcp) {
      const r = gcp.stop()
      const space = (st, n) => st.heapSpaceStatistics.find((x) => x.spaceName === n)?.spaceUsedSize ?? 0
      const sc = r.statistics.filter((x) => x.gcType === 'Scavenge')
      const sum = (f) => sc.reduce((a, x) => a + f(x), 0)
      fs.writeFileSync(path.join(dir, `gcp-${process.pid}.json`), JSON.stringify({
        scavenges: sc.length, costMs: sum((x) => x.cost) / 1000,
        newBeforeMB: sum((x) => space(x.beforeGC, 'new_space')) / sc.length / 1e6,
        newAfterMB: sum((x) => space(x.afterGC, 'new_space')) / sc.length / 1e6,
        promotedMB: sum((x) => space(x.afterGC, 'old_space') - space(x.beforeGC, 'old_space')) / sc.length / 1e6,
        oldAfterEndMB: sc.length ? space(sc[sc.length - 1].afterGC, 'old_space') / 1e6 : 0,
        kinds: [...new Set(r.statistics.map((x) => x.gcType))],
      }, null, 1))
    }
    if (kinds.has('threads')) fs.writeFileSync(path.join(dir, `threads-${pid}.json`), JSON.stringify([...snaps, { atMs: performance.now() - t0, threads: threads() }], null, 1))
    const u = process.resourceUsage()
    fs.writeFileSync(path.join(dir, `hearth-${pid}.gc.json`), JSON.stringify({ gc, wallMs: performance.now() - t0, userMs: u.userCPUTime / 1000, sysMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS, vcsw: u.voluntaryContextSwitches, ivcsw: u.involuntaryContextSwitches }))
  })
}
