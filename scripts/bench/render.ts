/**
 * What a person waits for on screen, in real Chromium through the web host:
 *
 *   1. First render of a group space with 10,000 posts: a profile is built through the service
 *      in-process, then each run starts a fresh web host process on it (so the group opens cold
 *      from disk), unlocks it over the bridge, and loads the page. Measured in the page, from
 *      navigation start to the first page of posts painted (the 20th post in the DOM, then one
 *      animation frame and one task); also from the click that opens the group. Median of runs.
 *   2. Post → render on another peer's screen: two web hosts on a loopback testnet, two browser
 *      contexts. From the moment A's page calls `post` until B's page has painted that post (both
 *      read the same machine clock through performance.timeOrigin). p50 / p99 over N posts.
 *
 * The anchor, in the same Chromium and the same run: a static page of 20 posts from a file, from
 * navigation start to painted, measured by the same probe. Each figure gets its ratio to it, and
 * `uptime` is printed before and after.
 *
 * Prints a table and appends it, with the date and the machine, to docs/benchmarks.md.
 *
 *   npx tsx scripts/bench/render.ts [--posts 10000] [--runs 3] [--live 50] [--no-record]
 */
import { appendFile, mkdtemp, rm } from 'node:fs/promises'
import { execSync } from 'node:child_process'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from 'playwright-core'
import { createService } from '../../core/service.ts'
import { buildRenderer } from '../web/build.ts'
import { pct } from './bench-util.ts'
import { FLAGS, ROOT, bridgeCall, machine as machineLine, median, ms, newPage, pageCall, probe, startHost, staticPage, stopHost } from './render-kit.ts'

const { values } = parseArgs({ options: { posts: { type: 'string' }, runs: { type: 'string' }, live: { type: 'string' }, 'no-record': { type: 'boolean' } } })
const POSTS = Number(values.posts ?? 10_000)
const RUNS = Number(values.runs ?? 3)
const LIVE = Number(values.live ?? 50)
const PASS = 'benchmark passphrase, not secret'

async function buildProfile(dir: string): Promise<void> {
  const service = createService({ profileDir: dir })
  try {
    const ok = async <T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>): Promise<T> => {
      const r = await p
      if (!r.ok) throw new Error(r.error.code)
      return r.value
    }
    await ok(service.createProfile({ passphrase: PASS }))
    const { id: groupId } = await ok(service.createGroup({ name: 'Bench circle', pseudonym: 'Alder' }))
    const t0 = performance.now()
    for (let i = 0; i < POSTS; i++) {
      await ok(service.post({ groupId, text: `Post ${i}: a few sentences of the length people write in a check-in, about the week and how it went.`, topic: i % 3 ? 'check-in' : 'story' }))
      if (i % 1000 === 999) process.stderr.write(`  ${i + 1} posts (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`)
    }
  } finally {
    await service.close()
  }
}

async function firstRender(browser: Browser, profile: string, renderer: string): Promise<{ load: number[]; open: number[] }> {
  const load: number[] = []
  const open: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const host = await startHost(profile, renderer)
    try {
      await bridgeCall(host, 'unlock', { passphrase: PASS })
      const { context, page } = await newPage(browser)
      await page.goto(host.url)
      await page.getByRole('button', { name: /^Bench circle/ }).click()
      const t = { painted: await probe(page, '__painted'), clicked: await probe(page, '__clicked') }
      load.push(t.painted)
      open.push(t.painted - t.clicked)
      process.stderr.write(`  run ${run + 1}: navigation → posts ${ms(t.painted)}, click → posts ${ms(t.painted - t.clicked)}\n`)
      await context.close()
    } finally {
      await stopHost(host)
    }
  }
  return { load, open }
}

async function liveRender(browser: Browser, work: string, renderer: string): Promise<number[]> {
  const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }>
  const net = await createTestnet(3, { host: '127.0.0.1' })
  const boot = net.bootstrap.map((n) => `${n.host}:${n.port}`).join(',')
  const hosts = [await startHost(path.join(work, 'live-a'), renderer, boot), await startHost(path.join(work, 'live-b'), renderer, boot)]
  try {
    const [a, b] = [await newPage(browser), await newPage(browser)]
    await Promise.all([a.page.goto(hosts[0]!.url), b.page.goto(hosts[1]!.url)])
    await pageCall(a.page, 'createProfile', { passphrase: PASS })
    await pageCall(b.page, 'createProfile', { passphrase: PASS })
    const group = await pageCall<{ id: string }>(a.page, 'createGroup', { name: 'Live circle', pseudonym: 'Alder' })
    const { code } = await pageCall<{ code: string }>(a.page, 'createInvite', { groupId: group.id })
    await pageCall(b.page, 'joinGroup', { code, pseudonym: 'Birch', waitMs: 60_000 })
    // Set up over the bridge; a reload shows the screens for the profile as it now is.
    await b.page.reload()
    await b.page.getByRole('button', { name: /^Live circle/ }).click()
    await b.page.getByRole('heading', { level: 2, name: 'Conversations' }).waitFor()
    const lat: number[] = []
    for (let i = 0; i < LIVE; i++) {
      const sent = await a.page.evaluate(
        ([groupId, n]) => {
          const g = globalThis as unknown as { hearth: { post(i: object): Promise<unknown> }; performance: { now(): number; timeOrigin: number } }
          const t = g.performance.timeOrigin + g.performance.now()
          void g.hearth.post({ groupId, text: `bench-live-${n}` })
          return t
        },
        [group.id, i] as const,
      )
      await b.page.waitForFunction((n) => ((globalThis as unknown as { __seen: Record<string, number> }).__seen[n] ?? 0) > 0, String(i), { timeout: 30_000 })
      const seen = await b.page.evaluate((n) => (globalThis as unknown as { __seen: Record<string, number> }).__seen[n] as number, String(i))
      lat.push(seen - sent)
    }
    await a.context.close()
    await b.context.close()
    return lat
  } finally {
    await Promise.all(hosts.map(stopHost))
    await net.destroy()
  }
}

const NOTE = [
  'Navigation → posts covers loading the page and its script, the groups list and opening the group in a fresh',
  'web host process (unlocked over the bridge beforehand, so argon2id is not in it); the group opens from the',
  'checkpoint written while the posts were made, and only the first page (20 posts) is rendered, older ones on',
  "request. Post → painted runs from A's page calling `post` to B's page painting it after `groupChanged` made it",
  're-read its views.',
].join('\n')

async function main(): Promise<void> {
  const before = execSync('uptime').toString().trim()
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-render-'))
  const browser = await chromium.launch({ executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, timeout: 30_000 })
  try {
    const renderer = path.join(work, 'renderer')
    await buildRenderer(renderer)
    process.stderr.write(`building a profile with ${POSTS} posts…\n`)
    const profile = path.join(work, 'big')
    await buildProfile(profile)
    process.stderr.write('first render…\n')
    const first = await firstRender(browser, profile, renderer)
    process.stderr.write(`post → render on the other peer, ${LIVE} posts…\n`)
    const live = await liveRender(browser, work, renderer)
    const anchor = await staticPage(browser, work, RUNS)
    const after = execSync('uptime').toString().trim()
    const floor = median(anchor)

    const machine = machineLine()
    const table = [
      `uptime before: ${before}; after: ${after}`,
      '',
      '| measure | p50 | p99 | runs | ratio to the static page |',
      '|---|---:|---:|---:|---:|',
      `| anchor: a static 20-post page from a file, navigation → painted | ${ms(floor)} | — | ${RUNS} (median) | 1× |`,
      `| navigation → first page of posts painted (${POSTS.toLocaleString('en')} posts, cold host) | ${ms(median(first.load))} | — | ${RUNS} (median) | ${(median(first.load) / floor).toFixed(1)}× |`,
      `| of which: opening the group (click → posts painted) | ${ms(median(first.open))} | — | ${RUNS} (median) | ${(median(first.open) / floor).toFixed(1)}× |`,
      `| post → painted on the other peer's screen | ${ms(pct(live, 50))} | ${ms(pct(live, 99))} | ${LIVE} posts | — |`,
    ].join('\n')
    process.stdout.write(`${machine}\n\n${table}\n`)
    if (!values['no-record']) {
      const section = `\n## Rendering in Chromium (\`scripts/bench/render.ts\`)\n\nRun: \`npx tsx scripts/bench/render.ts\`. Date: ${new Date().toUTCString()}. Machine: ${machine}; Debian's Chromium, headless, through the web host.\n\n${table}\n\n${NOTE}\n`
      await appendFile(path.join(ROOT, 'docs', 'benchmarks.md'), section)
      process.stderr.write('appended to docs/benchmarks.md\n')
    }
  } finally {
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
