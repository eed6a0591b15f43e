/**
 * Open speed of a large group: builds a group of UPDATES Yjs updates written by MEMBERS members
 * (posts, replies and reactions, each member in their own device log) in a real profile on disk,
 * then measures, in a fresh process each time, cold open → first feed page: once reading every
 * log from the start, once from a checkpoint plus the tail; and the groups screen (listGroups)
 * straight after an unlock. Each run also runs the anchors (open-anchor.ts) in a fresh process
 * on the same profile, and the table gives every figure as a ratio to its anchor, with `uptime`
 * before and after (the machine is shared: compare within one run only).
 *
 *   npx tsx scripts/bench/open.ts [--updates 100000] [--members 20] [--runs 3] [--keep DIR]
 *
 * `--keep DIR` builds the group into DIR once and reuses it on later runs.
 */
import { execSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkpointPath } from '../../core/store/checkpoint-file.ts'
import { firstScreenPath } from '../../core/store/first-screen-file.ts'
import { buildBigGroup } from './big-group.ts'

const { values } = parseArgs({ options: { updates: { type: 'string' }, members: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'string' } } })
const UPDATES = Number(values.updates ?? 100_000)
const MEMBERS = Number(values.members ?? 20)
const RUNS = Number(values.runs ?? 3)
const PASS = 'benchmark passphrase, not secret'
const CHILD = fileURLToPath(new URL('./open-child.ts', import.meta.url))
const ANCHOR = fileURLToPath(new URL('./open-anchor.ts', import.meta.url))

interface Measure { openMs: number; openCpuMs: number; feedMs: number; totalMs: number; listMs: number; screenMs: number | null; kept: boolean; blocksRead: number; wakeTaskMs?: number | null; openRssMB: number; pageRssMB: number; keepRssMB: number; maxRssMB: number }
interface Anchor { argon2Ms: number; decryptMs: number; applyMs: number; decryptCpuMs: number; applyCpuMs: number; statesMs: number; pageMs: number; blocks: number; maxRssMB: number }

function child<T>(file: string, args: string[]): Promise<T> {
  const tsx = createRequire(import.meta.url).resolve('tsx')
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', tsx, file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`child exited ${code}`))))
  })
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const uptime = (): string => execSync('uptime').toString().trim()
const ms = (n: number): string => `${n.toFixed(0)} ms`
const x = (a: number, b: number): string => `${(a / b).toFixed(2)}×`

const root = values.keep ?? mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-open-'))
try {
  const dir = path.join(root, 'profile')
  const idFile = path.join(root, 'group-id')
  let groupId: string
  if (values.keep && existsSync(idFile)) groupId = readFileSync(idFile, 'utf8')
  else {
    groupId = (await buildBigGroup(dir, PASS, UPDATES, MEMBERS)).groupId
    writeFileSync(idFile, groupId)
  }
  const before = uptime()
  const full: Measure[] = []
  const ckpt: Measure[] = []
  const anchors: Anchor[] = []
  for (let r = 0; r < RUNS; r++) {
    anchors.push(await child<Anchor>(ANCHOR, [dir, PASS, groupId, String(MEMBERS)]))
    rmSync(checkpointPath(dir, groupId), { force: true })
    rmSync(firstScreenPath(dir, groupId), { force: true })
    full.push(await child<Measure>(CHILD, [dir, PASS, groupId]))
    ckpt.push(await child<Measure>(CHILD, [dir, PASS, groupId]))
  }
  const after = uptime()
  const a = (f: (m: Anchor) => number): number => median(anchors.map(f))
  const m = (xs: Measure[], f: (m: Measure) => number): number => median(xs.map(f))
  const replayFloor = a((v) => v.applyMs) + a((v) => v.decryptMs)
  const firstFloor = a((v) => v.argon2Ms) + a((v) => v.pageMs)
  console.log(`\n${UPDATES.toLocaleString()} updates, ${MEMBERS} members, ${a((v) => v.blocks).toLocaleString()} blocks; median of ${RUNS} cold opens (fresh process each)`)
  console.log(`uptime before: ${before}\nuptime after:  ${after}\n`)
  console.log('| measure | Hearth | anchor in the same run | ratio |')
  console.log('|---|---:|---:|---:|')
  console.log(`| full replay: unlock + open, no local checkpoint | ${ms(m(full, (v) => v.openMs))} | plain Yjs apply ${ms(a((v) => v.applyMs))} + sodium decrypt of every block ${ms(a((v) => v.decryptMs))} | ${x(m(full, (v) => v.openMs), replayFloor)} |`)
  const cpuFloor = a((v) => v.applyCpuMs) + a((v) => v.decryptCpuMs)
  console.log(`| full replay, CPU time (all threads) | ${ms(m(full, (v) => v.openCpuMs))} | plain Yjs apply ${ms(a((v) => v.applyCpuMs))} + sodium decrypt ${ms(a((v) => v.decryptCpuMs))} (CPU time) | ${x(m(full, (v) => v.openCpuMs), cpuFloor)} |`)
  console.log(`| full replay: first feed page after it | ${ms(m(full, (v) => v.feedMs))} | — | — |`)
  const shown = ckpt.filter((v) => v.screenMs !== null)
  if (shown.length !== ckpt.length) console.log(`(the kept first screen was current in ${shown.length} of ${ckpt.length} checkpoint runs)`)
  const screen = shown.length ? m(shown, (v) => v.screenMs as number) : NaN
  console.log(`| first screen: unlock + the kept first screen (header, members, first feed page) | ${ms(screen)} | argon2id ${ms(a((v) => v.argon2Ms))} + one page of plain Yjs reads ${a((v) => v.pageMs).toFixed(1)} ms | ${x(screen, firstFloor)} |`)
  console.log(`| unlock + open + first feed page from the docs, checkpoint + tail | ${ms(m(ckpt, (v) => v.totalMs))} | argon2id ${ms(a((v) => v.argon2Ms))} + one page of plain Yjs reads ${a((v) => v.pageMs).toFixed(1)} ms | ${x(m(ckpt, (v) => v.totalMs), firstFloor)} |`)
  console.log(`| of which open (checkpoint + tail) | ${ms(m(ckpt, (v) => v.openMs))} | plain Yjs applying the ${MEMBERS} doc states ${ms(a((v) => v.statesMs))} | ${x(m(ckpt, (v) => v.openMs), a((v) => v.statesMs))} |`)
  console.log(`| of which first feed page | ${ms(m(ckpt, (v) => v.feedMs))} | one page of plain Yjs reads ${a((v) => v.pageMs).toFixed(1)} ms | ${x(m(ckpt, (v) => v.feedMs), a((v) => v.pageMs))} |`)
  const woken = ckpt.filter((v) => typeof v.wakeTaskMs === 'number')
  if (woken.length) console.log(`| longest event-loop task while the docs wake behind the kept screen | ${m(woken, (v) => v.wakeTaskMs as number).toFixed(1)} ms | goal ~50 ms quiet | — |`)
  console.log(`| groups screen (listGroups after unlock) | ${m(ckpt, (v) => v.listMs).toFixed(1)} ms | goal 100 ms | — |`)
  console.log(`| peak RSS, full replay (up to the end of the open) | ${m(full, (v) => v.openRssMB).toFixed(0)} MB | plain Y.Docs of the same updates ${a((v) => v.maxRssMB).toFixed(0)} MB | ${x(m(full, (v) => v.openRssMB), a((v) => v.maxRssMB))} |`)
  console.log(`| peak RSS, full replay process (with the first page, the kept screen and the checkpoint sealed at lock) | ${m(full, (v) => v.maxRssMB).toFixed(0)} MB | the same | ${x(m(full, (v) => v.maxRssMB), a((v) => v.maxRssMB))} |`)
  console.log(`| peak RSS, checkpoint + tail | ${m(ckpt, (v) => v.maxRssMB).toFixed(0)} MB | the same | ${x(m(ckpt, (v) => v.maxRssMB), a((v) => v.maxRssMB))} |`)
  // Where each path's peak is reached: the process's peak so far after each step (median).
  const steps = (xs: Measure[]): string => (['openRssMB', 'pageRssMB', 'keepRssMB', 'maxRssMB'] as const).map((k) => m(xs, (v) => v[k]).toFixed(0)).join(' / ')
  console.log(`\npeak RSS so far after open / first page / keeping the screen / lock (MB): full replay ${steps(full)}, checkpoint + tail ${steps(ckpt)}`)
  console.log(`blocks read: full replay ${m(full, (v) => v.blocksRead)}, checkpoint + tail ${m(ckpt, (v) => v.blocksRead)}; blocks in the group ${a((v) => v.blocks)}`)
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true })
}
