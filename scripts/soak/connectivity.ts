/**
 * The connectivity soak (issue 13): runs soak-run.ts for a number of seeds, each on a fresh
 * loopback testnet with its own nodes, beside a CPU hog on every core, and prints a table.
 *
 *   npx tsx scripts/soak/connectivity.ts [--seeds 100] [--from 1] [--peers 5] [--schedule 60] [--quiet] [--verbose]
 *   HEARTH_TEST_SEED=17 npx tsx scripts/soak/connectivity.ts    # replays seed 17 alone
 *
 * Exits 1 when any check fails. test/integration/net/soak.test.ts runs a short one in `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startCpuHog } from './cpu-hog.ts'
import { soakRun, type SoakResult } from './soak-run.ts'

export interface SoakPlan { seeds: number[]; peers: number; scheduleMs: number; hog: boolean; log?(line: string): void }

const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }>

export async function runSoak(plan: SoakPlan): Promise<SoakResult[]> {
  const hog = plan.hog ? startCpuHog() : null
  const out: SoakResult[] = []
  try {
    for (const seed of plan.seeds) {
      const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-soak-'))
      const net = await createTestnet(3, { host: '127.0.0.1' })
      try {
        const bootstrap = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
        out.push(await soakRun({ seed, peers: plan.peers, scheduleMs: plan.scheduleMs, root, bootstrap, ...(plan.log ? { log: plan.log } : {}) }))
      } finally {
        await net.destroy()
        rmSync(root, { recursive: true, force: true })
      }
    }
  } finally {
    await hog?.stop()
  }
  return out
}

/** Whether a run met every check of the issue. */
export function passed(r: SoakResult): boolean {
  return r.pairs.late.length === 0 && r.posts.missing === 0 && r.joins.admittedDue === r.joins.due && r.converged
}

const pct = (xs: number[], p: number): number => xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number : NaN

export function table(results: SoakResult[]): string {
  const rows = ['| seed | actions | pairs met ≤ 10 s | late pairs | connect p50 / max | posts acked | posts missing | joins tried / admitted | due joins admitted | converged |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|']
  for (const r of results) {
    const l = r.pairs.latencies
    rows.push(`| ${r.seed} | ${r.actions} | ${r.pairs.measured - r.pairs.late.length}/${r.pairs.measured} | ${r.pairs.late.length} | ${pct(l, 50).toFixed(0)} / ${l.length ? Math.max(...l).toFixed(0) : 'NaN'} ms | ${r.posts.acked} | ${r.posts.missing} | ${r.joins.tried} / ${r.joins.admitted} | ${r.joins.admittedDue}/${r.joins.due} | ${r.converged ? 'yes' : 'NO'} |`)
  }
  const all = results.flatMap((r) => r.pairs.latencies)
  const sum = (f: (r: SoakResult) => number): number => results.reduce((a, r) => a + f(r), 0)
  rows.push(`| **all ${results.length}** | ${sum((r) => r.actions)} | ${sum((r) => r.pairs.measured - r.pairs.late.length)}/${sum((r) => r.pairs.measured)} | ${sum((r) => r.pairs.late.length)} | ${pct(all, 50).toFixed(0)} / ${all.length ? Math.max(...all).toFixed(0) : 'NaN'} ms (p99 ${pct(all, 99).toFixed(0)}) | ${sum((r) => r.posts.acked)} | ${sum((r) => r.posts.missing)} | ${sum((r) => r.joins.tried)} / ${sum((r) => r.joins.admitted)} | ${sum((r) => r.joins.admittedDue)}/${sum((r) => r.joins.due)} | ${results.filter((r) => r.converged).length}/${results.length} |`)
  for (const r of results) for (const l of r.pairs.late) rows.push(`\nseed ${r.seed}: late pair ${l}`)
  return rows.join('\n')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, from: { type: 'string' }, peers: { type: 'string' }, schedule: { type: 'string' }, quiet: { type: 'boolean' }, verbose: { type: 'boolean' } } })
  const env = process.env.HEARTH_TEST_SEED
  const from = Number(env ?? values.from ?? 1)
  const seeds = Array.from({ length: env ? 1 : Number(values.seeds ?? 100) }, (_, i) => from + i)
  const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ')
  const before = load()
  const started = Date.now()
  const results: SoakResult[] = []
  for (const seed of seeds) {
    const [r] = await runSoak({ seeds: [seed], peers: Number(values.peers ?? 5), scheduleMs: Number(values.schedule ?? 60) * 1000, hog: !values.quiet, ...(values.verbose ? { log: (l: string) => console.error(l) } : {}) })
    if (r) results.push(r)
    // One line per seed as it ends, so a run cut short still leaves its results.
    console.error(`seed ${seed}: ${r && passed(r) ? 'ok' : 'FAILED'} ${JSON.stringify(r)}`)
  }
  console.log(`\nConnectivity soak: ${results.length} seeds, ${values.peers ?? 5} nodes, ${values.schedule ?? 60} s schedule each, ${values.quiet ? 'no hog' : 'CPU hog on every core'}; ${((Date.now() - started) / 60000).toFixed(1)} min; load before ${before}, after ${load()}\n`)
  console.log(table(results))
  process.exit(results.every(passed) ? 0 : 1)
}
