/**
 * The app's first screen on the 100,000-update group, in real Chromium through the web host:
 * what a person waits for from pressing Unlock to reading their group's newest posts.
 *
 * The group is the one open.ts builds (big-group.ts; `--keep DIR` shares open.ts's layout, so a
 * group kept by either is reused). Before the runs, one cold open in a child process (open-child.ts)
 * leaves the local checkpoint and the kept first screen, as a session that ended in the group would.
 * Each run then starts a fresh web host on the profile (online on a loopback testnet unless
 * `--offline`, as the app goes online at unlock) and a fresh page:
 *
 *   unlock     the page's Unlock button clicked → the groups screen painted (argon2id inside)
 *   click      the group's button clicked (at once) → its first page of 20 posts painted
 *   unlock → first page   the two added (a person's own pause between them left out)
 *   navigation a second fresh host, unlocked over the bridge first: navigation → first page painted
 *
 * Anchors in the same run: argon2id + one page of plain Yjs reads (open-anchor.ts, fresh process),
 * and a static 20-post page painted in the same Chromium. `uptime` before and after.
 *
 *   npx tsx scripts/bench/first-paint.ts [--updates 100000] [--members 20] [--runs 3] [--keep DIR] [--offline] [--no-record]
 */
import { execSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from 'playwright-core'
import { buildRenderer } from '../web/build.ts'
import { buildBigGroup } from './big-group.ts'
import { FLAGS, ROOT, bridgeCall, machine, median, ms, newPage, probe, startHost, staticPage, stopHost } from './render-kit.ts'

const { values } = parseArgs({ options: { updates: { type: 'string' }, members: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'string' }, offline: { type: 'boolean' }, 'no-record': { type: 'boolean' } } })
const UPDATES = Number(values.updates ?? 100_000)
const MEMBERS = Number(values.members ?? 20)
const RUNS = Number(values.runs ?? 3)
const PASS = 'benchmark passphrase, not secret'
const uptime = (): string => execSync('uptime').toString().trim()
const x = (a: number, b: number): string => `${(a / b).toFixed(2)}×`

/** A bench child (open-child.ts, open-anchor.ts) in its own process; its JSON answer. */
function child<T>(file: string, args: string[]): Promise<T> {
  const tsx = createRequire(import.meta.url).resolve('tsx')
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', tsx, path.join(import.meta.dirname, file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${file} exited ${code}`))))
  })
}

interface Run { unlock: number; click: number; navigation: number }

/** One run: unlock in the page, then open the group; then navigation in a second fresh host. */
async function run(browser: Browser, profile: string, renderer: string, bootstrap: string | undefined): Promise<Run> {
  let host = await startHost(profile, renderer, bootstrap)
  const out: Partial<Run> = {}
  try {
    const { context, page } = await newPage(browser)
    await page.goto(host.url)
    await page.getByLabel('Passphrase').fill(PASS)
    await page.getByRole('button', { name: 'Unlock' }).click()
    const groups = await probe(page, '__groups')
    await page.locator('.group-button').first().click()
    const painted = await probe(page, '__painted')
    const clicks = await page.evaluate(() => (globalThis as unknown as { __clicks: number[] }).__clicks)
    out.unlock = groups - (clicks[0] as number)
    out.click = painted - (clicks[1] as number)
    await context.close()
  } finally {
    await stopHost(host)
  }
  host = await startHost(profile, renderer, bootstrap)
  try {
    await bridgeCall(host, 'unlock', { passphrase: PASS })
    const { context, page } = await newPage(browser)
    await page.goto(host.url)
    await page.locator('.group-button').first().click()
    out.navigation = await probe(page, '__painted')
    await context.close()
  } finally {
    await stopHost(host)
  }
  process.stderr.write(`  unlock → groups ${ms(out.unlock)}, click → posts ${ms(out.click)}, navigation → posts ${ms(out.navigation)}\n`)
  return out as Run
}

async function main(): Promise<void> {
  const root = values.keep ?? await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-first-paint-'))
  const profile = path.join(root, 'profile')
  const idFile = path.join(root, 'group-id')
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-first-paint-page-'))
  let net: { bootstrap: { host: string; port: number }[]; destroy(): Promise<void> } | null = null
  const browser = await chromium.launch({ executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, timeout: 30_000 })
  try {
    await mkdir(root, { recursive: true })
    let groupId: string
    if (existsSync(idFile)) groupId = readFileSync(idFile, 'utf8')
    else {
      groupId = (await buildBigGroup(profile, PASS, UPDATES, MEMBERS)).groupId
      writeFileSync(idFile, groupId)
    }
    // A session that ended in the group: its checkpoint and kept first screen are on disk.
    await child('open-child.ts', [profile, PASS, groupId])
    const renderer = path.join(work, 'renderer')
    await buildRenderer(renderer)
    if (!values.offline) {
      const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<NonNullable<typeof net>>
      net = await createTestnet(3, { host: '127.0.0.1' })
    }
    const bootstrap = net?.bootstrap.map((n) => `${n.host}:${n.port}`).join(',')
    const before = uptime()
    const runs: Run[] = []
    const anchors: { argon2Ms: number; pageMs: number }[] = []
    for (let r = 0; r < RUNS; r++) {
      anchors.push(await child('open-anchor.ts', [profile, PASS, groupId, String(MEMBERS)]))
      runs.push(await run(browser, profile, renderer, bootstrap))
    }
    const still = await staticPage(browser, work, RUNS)
    const after = uptime()
    const m = (f: (r: Run) => number): number => median(runs.map(f))
    const floor = median(anchors.map((a) => a.argon2Ms)) + median(anchors.map((a) => a.pageMs))
    const page = median(still)
    const both = m((r) => r.unlock + r.click)
    const table = [
      `${UPDATES.toLocaleString('en')} updates, ${MEMBERS} members, checkpoint path, ${values.offline ? 'offline' : 'online (loopback testnet)'}; median of ${RUNS} runs, a fresh web host each`,
      `uptime before: ${before}; after: ${after}`,
      '',
      '| measure | Hearth | anchor in the same run | ratio |',
      '|---|---:|---:|---:|',
      `| unlock → first page painted (unlock → groups + click → posts) | ${ms(both)} | argon2id ${ms(median(anchors.map((a) => a.argon2Ms)))} + one page of plain Yjs reads ${ms(median(anchors.map((a) => a.pageMs)))} | ${x(both, floor)} |`,
      `| of which unlock clicked → groups screen painted | ${ms(m((r) => r.unlock))} | the same | ${x(m((r) => r.unlock), floor)} |`,
      `| of which group clicked → first page painted | ${ms(m((r) => r.click))} | static 20-post page ${ms(page)} | ${x(m((r) => r.click), page)} |`,
      `| navigation → first page painted (unlocked over the bridge) | ${ms(m((r) => r.navigation))} | static 20-post page ${ms(page)} | ${x(m((r) => r.navigation), page)} |`,
    ].join('\n')
    process.stdout.write(`${machine()}\n\n${table}\n`)
    if (!values['no-record']) {
      await appendFile(path.join(ROOT, 'docs', 'benchmarks.md'), `\n## The app's first screen on the 100,000-update group (\`scripts/bench/first-paint.ts\`)\n\nDate: ${new Date().toUTCString()}. Machine: ${machine()}; Debian's Chromium, headless, through the web host.\n\n${table}\n`)
    }
  } finally {
    await browser.close()
    await net?.destroy()
    await rm(work, { recursive: true, force: true })
    if (!values.keep) await rm(root, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
