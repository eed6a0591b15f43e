/**
 * Start-up benchmark: what one `hearth` command and one test peer process cost before they do
 * anything, run from the sources through tsx and from the build (scripts/build/node-build.ts),
 * against two anchors measured in the same run: plain `node -e ''`, and plain Node loading the
 * Holepunch stack Hearth stands on (Corestore, Hypercore, Hyperswarm) with Yjs and sodium.
 *
 * Every process runs under /usr/bin/time, so each row has its wall time and its CPU time (user +
 * system); on a shared machine the CPU time is the steadier figure. Rows run round-robin, one
 * process at a time, so a change of load falls on every row alike. Prints `uptime` before and
 * after and a markdown table with each row's ratio to the anchors.
 *
 *   npx tsx scripts/bench/startup.ts [--runs 7]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from '../build/built-entry.mjs'
import { buildNode } from '../build/node-build.ts'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } })
const RUNS = Number(values.runs)
const uptime = (): string => spawnSync('uptime', { encoding: 'utf8' }).stdout.trim()

interface Row {
  name: string
  args: string[]
  env?: NodeJS.ProcessEnv
  wall: number[]
  cpu: number[]
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-startup-'))
const timing = path.join(scratch, 'time')
const PEER = path.join(ROOT, 'test', 'integration', 'sync', 'peer.child.ts')
const SOURCES = { HEARTH_RUN_SOURCES: '1' }
const tsx = ['--import', 'tsx']
const status = ['scripts/hearth.mjs', 'status', '--json', '--profile', path.join(scratch, 'profile')]
// The peer reads stdin; with none it closes its service and exits at once after 'ready'.
const peer = (dir: string): string[] => [dir, '127.0.0.1:9']
const LOAD_STACK = "require('corestore'); require('hypercore'); require('hyperswarm'); require('yjs'); require('sodium-native')"

const rows: Row[] = [
  { name: "anchor: `node -e ''`", args: ['-e', ''], wall: [], cpu: [] },
  { name: 'anchor: node loading Corestore, Hypercore, Hyperswarm, Yjs, sodium', args: ['-e', LOAD_STACK], wall: [], cpu: [] },
  { name: '`hearth status`, sources through tsx', args: status, env: SOURCES, wall: [], cpu: [] },
  { name: '`hearth status`, built', args: status, wall: [], cpu: [] },
  { name: 'test peer process (peer.child.ts), sources through tsx', args: [...tsx, PEER, ...peer(path.join(scratch, 'p1'))], wall: [], cpu: [] },
  { name: 'test peer process, built', args: ['--enable-source-maps', path.join(ROOT, 'build', 'test', 'integration', 'sync', 'peer.child.mjs'), ...peer(path.join(scratch, 'p2'))], wall: [], cpu: [] },
]

function runOnce(row: Row): void {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timing, process.execPath, ...row.args], {
    cwd: ROOT,
    env: { ...process.env, HEARTH_PASSPHRASE: '', ...row.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (r.status !== 0) throw new Error(`${row.name} exited with ${r.status}`)
  const [wall, user, sys] = readFileSync(timing, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? []
  row.wall.push((wall ?? NaN) * 1000)
  row.cpu.push(((user ?? NaN) + (sys ?? NaN)) * 1000)
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number
const ms = (x: number): string => `${Math.round(x)} ms`

async function main(): Promise<void> {
  const build = await buildNode()
  console.log(`build: ${build.built ? `${build.written} files written in ${build.ms} ms` : `current (${build.ms} ms)`}`)
  const before = uptime()
  for (const row of rows) runOnce(row) // warm the file cache
  for (const row of rows) {
    row.wall.length = 0
    row.cpu.length = 0
  }
  for (let i = 0; i < RUNS; i++) for (const row of rows) runOnce(row)
  const after = uptime()
  rmSync(scratch, { recursive: true, force: true })

  const [bare, stack] = rows.map((r) => median(r.cpu)) as [number, number]
  const pairs: [number, number][] = [[2, 3], [4, 5]]
  console.log(`\nuptime before: ${before}\nuptime after:  ${after}\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}; median of ${RUNS}\n`)
  console.log('| process | wall | CPU (user + sys) | CPU ÷ plain node | CPU ÷ node loading the stack |')
  console.log('|---|---:|---:|---:|---:|')
  for (const r of rows) {
    const cpu = median(r.cpu)
    console.log(`| ${r.name} | ${ms(median(r.wall))} | ${ms(cpu)} | ${(cpu / bare).toFixed(1)}× | ${(cpu / stack).toFixed(2)}× |`)
  }
  console.log('')
  for (const [a, b] of pairs) {
    const ra = rows[a] as Row
    const rb = rows[b] as Row
    console.log(`${rb.name}: CPU ${(median(ra.cpu) / median(rb.cpu)).toFixed(1)}× less than through tsx, wall ${(median(ra.wall) / median(rb.wall)).toFixed(1)}× less`)
  }
}

await main()
