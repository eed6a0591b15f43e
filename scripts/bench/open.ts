/**
 * Open speed of a large group: builds a group of UPDATES Yjs updates written by MEMBERS members
 * (posts, replies and reactions, each member in their own device log) in a real profile on disk,
 * then measures, in a fresh process each time, cold open → first feed page: once reading every
 * log from the start, once from a checkpoint plus the tail. Prints a table with peak memory.
 *
 *   npx tsx scripts/bench/open.ts [--updates 100000] [--members 20] [--runs 3]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkpointPath } from '../../core/store/checkpoint-file.ts'
import { buildBigGroup } from './big-group.ts'

const { values } = parseArgs({ options: { updates: { type: 'string' }, members: { type: 'string' }, runs: { type: 'string' } } })
const UPDATES = Number(values.updates ?? 100_000)
const MEMBERS = Number(values.members ?? 20)
const RUNS = Number(values.runs ?? 3)
const PASS = 'benchmark passphrase, not secret'
const CHILD = fileURLToPath(new URL('./open-child.ts', import.meta.url))

interface Measure { openMs: number; feedMs: number; totalMs: number; blocksRead: number; maxRssMB: number }

function measure(dir: string, groupId: string): Promise<Measure> {
  const tsx = createRequire(import.meta.url).resolve('tsx')
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', tsx, CHILD, dir, PASS, groupId], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Measure) : reject(new Error(`child exited ${code}`))))
  })
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-open-'))
try {
  const dir = path.join(root, 'profile')
  const { groupId } = await buildBigGroup(dir, PASS, UPDATES, MEMBERS)
  const rows: [string, Measure[]][] = [['every log from the start', []], ['checkpoint + tail', []]]
  for (let r = 0; r < RUNS; r++) {
    rmSync(checkpointPath(dir, groupId), { force: true })
    ;(rows[0] as [string, Measure[]])[1].push(await measure(dir, groupId))
    ;(rows[1] as [string, Measure[]])[1].push(await measure(dir, groupId))
  }
  console.log(`\n${UPDATES.toLocaleString()} updates, ${MEMBERS} members, median of ${RUNS} cold opens (fresh process each)\n`)
  console.log('| open | unlock + open group | first feed page | total | blocks read | peak RSS |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const [name, ms] of rows) {
    console.log(`| ${name} | ${median(ms.map((m) => m.openMs)).toFixed(0)} ms | ${median(ms.map((m) => m.feedMs)).toFixed(0)} ms | ${median(ms.map((m) => m.totalMs)).toFixed(0)} ms | ${median(ms.map((m) => m.blocksRead))} | ${median(ms.map((m) => m.maxRssMB)).toFixed(0)} MB |`)
  }
} finally {
  rmSync(root, { recursive: true, force: true })
}
