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
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { execSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import WebSocket from 'ws'
import { createService } from '../../core/service.ts'
import { spawnTs, type Child } from '../../test/helpers/child.ts'
import { buildRenderer } from '../web/build.ts'

const { values } = parseArgs({ options: { posts: { type: 'string' }, runs: { type: 'string' }, live: { type: 'string' }, 'no-record': { type: 'boolean' } } })
const POSTS = Number(values.posts ?? 10_000)
const RUNS = Number(values.runs ?? 3)
const LIVE = Number(values.live ?? 50)
const PASS = 'benchmark passphrase, not secret'
const ROOT = path.resolve(import.meta.dirname, '..', '..')
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number
const median = (xs: number[]): number => pct(xs, 50)
const ms = (n: number): string => `${n.toFixed(n < 100 ? 1 : 0)} ms`

interface Host {
  child: Child
  url: string
  port: number
  token: string
}

async function startHost(profile: string, renderer: string, bootstrap?: string): Promise<Host> {
  const child = spawnTs(path.join(ROOT, 'scripts', 'web-host.ts'), ['--profile', profile, '--renderer', renderer, ...(bootstrap ? ['--bootstrap', bootstrap] : [])])
  const line = await child.waitForLine((l) => l.startsWith('Hearth web host: '), 60_000)
  const m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/.exec(line)
  if (!m) throw new Error(`unexpected ready line: ${line}`)
  return { child, url: line.slice('Hearth web host: '.length), port: Number(m[1]), token: m[2] as string }
}

async function stopHost(h: Host): Promise<void> {
  h.child.proc.kill('SIGTERM')
  const killer = setTimeout(() => h.child.proc.kill('SIGKILL'), 10_000)
  await h.child.exited
  clearTimeout(killer)
}

/** One call over the host's bridge from Node, as the page would make it. */
function bridgeCall(h: Host, method: string, input: unknown): Promise<unknown> {
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}/bridge?token=${h.token}`, { headers: { Origin: `http://127.0.0.1:${h.port}` } })
  return new Promise((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ id: 1, method, input })))
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { id?: number; result?: { ok: boolean; value?: unknown; error?: { code: string } } }
      // Event frames (the `unlocked` event, for one) arrive on the same socket.
      const r = frame.id === 1 ? frame.result : undefined
      if (!r) return
      ws.close()
      if (r.ok) resolve(r.value)
      else reject(new Error(`${method}: ${r.error?.code}`))
    })
    ws.on('error', reject)
  })
}

/** Calls the contract through the page's own bridge, exactly as the renderer does. */
async function pageCall<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = (await page.evaluate(
    ([m, i]) => (globalThis as unknown as { hearth: Record<string, (x: unknown) => Promise<unknown>> }).hearth[m as string]!(i),
    [method, input] as const,
  )) as { ok: boolean; value: T; error?: { code: string } }
  if (!r.ok) throw new Error(`${method}: ${r.error?.code}`)
  return r.value
}

/**
 * Page-side probes, installed before any page script: the time of the first click (the one that
 * opens the group), when the first page of posts is painted, and when each "bench-N" post is.
 */
function probes(): void {
  const g = globalThis as unknown as Record<string, unknown> & {
    document: { querySelectorAll(s: string): { length: number; [i: number]: { textContent: string | null } }; addEventListener(t: string, f: () => void, c: boolean): void }
    performance: { now(): number; timeOrigin: number }
    requestAnimationFrame(f: () => void): void
    MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void }
  }
  const seen: Record<string, number> = {}
  g.__seen = seen
  g.document.addEventListener('click', () => (g.__clicked ??= g.performance.now()), true)
  // After the frame that shows it has been produced: rAF runs before paint, the task after it.
  const afterPaint = (f: () => void): void => g.requestAnimationFrame(() => setTimeout(f, 0))
  new g.MutationObserver(() => {
    const posts = g.document.querySelectorAll('article.post')
    if (posts.length >= 20 && g.__pageStarted === undefined) {
      g.__pageStarted = true
      afterPaint(() => (g.__painted = g.performance.now()))
    }
    for (let i = 0; i < Math.min(posts.length, 3); i++) {
      const m = /bench-live-(\d+)/.exec(posts[i]?.textContent ?? '')
      if (m && seen[m[1] as string] === undefined) {
        seen[m[1] as string] = 0
        afterPaint(() => (seen[m[1] as string] = g.performance.timeOrigin + g.performance.now()))
      }
    }
    // The document itself: its root element does not exist yet when this runs.
  }).observe(g.document, { childList: true, subtree: true, characterData: true })
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce' })
  context.setDefaultTimeout(120_000)
  // tsx keeps function names by wrapping them in a `__name` helper the page does not have.
  await context.addInitScript({ content: `var __name = (f) => f;\n(${probes.toString()})()` })
  return { context, page: await context.newPage() }
}

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
      await page.waitForFunction(() => (globalThis as unknown as { __painted?: number }).__painted !== undefined, undefined, { timeout: 120_000 })
      const t = await page.evaluate(() => {
        const g = globalThis as unknown as { __painted: number; __clicked: number }
        return { painted: g.__painted, clicked: g.__clicked }
      })
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

/** The anchor: a static page of 20 posts, shaped like the feed's, painted in the same Chromium. */
async function staticPage(browser: Browser, work: string): Promise<number[]> {
  const file = path.join(work, 'static.html')
  const posts = Array.from({ length: 20 }, (_, i) => `<article class="post"><h3>Alder</h3><p>Post ${i}: a few sentences of the length people write in a check-in, about the week and how it went.</p><footer><button>Believe</button> <button>Reply</button></footer></article>`)
  await writeFile(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body><main><h2>Conversations</h2>${posts.join('')}</main></body></html>`)
  const out: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await newPage(browser)
    await page.goto(pathToFileURL(file).href)
    await page.waitForFunction(() => (globalThis as unknown as { __painted?: number }).__painted !== undefined, undefined, { timeout: 60_000 })
    out.push(await page.evaluate(() => (globalThis as unknown as { __painted: number }).__painted))
    await context.close()
  }
  return out
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
    const anchor = await staticPage(browser, work)
    const after = execSync('uptime').toString().trim()
    const floor = median(anchor)

    const machine = `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`
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
