/**
 * What the Chromium benchmarks share (render.ts, first-paint.ts): a web host process on a
 * profile, calls over its bridge, a page with probes installed before any page script, and the
 * anchor every figure is a ratio to — a static 20-post page painted in the same Chromium.
 */
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import WebSocket from 'ws'
import { spawnTs, type Child } from '../../test/helpers/child.ts'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
export const ms = (n: number): string => `${n.toFixed(n < 100 ? 1 : 0)} ms`
export const machine = (): string => `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`

export interface Host {
  child: Child
  url: string
  port: number
  token: string
}

export async function startHost(profile: string, renderer: string, bootstrap?: string): Promise<Host> {
  const child = spawnTs(path.join(ROOT, 'scripts', 'web-host.ts'), ['--profile', profile, '--renderer', renderer, ...(bootstrap ? ['--bootstrap', bootstrap] : [])])
  const line = await child.waitForLine((l) => l.startsWith('Hearth web host: '), 60_000)
  const m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/.exec(line)
  if (!m) throw new Error(`unexpected ready line: ${line}`)
  return { child, url: line.slice('Hearth web host: '.length), port: Number(m[1]), token: m[2] as string }
}

export async function stopHost(h: Host): Promise<void> {
  h.child.proc.kill('SIGTERM')
  const killer = setTimeout(() => h.child.proc.kill('SIGKILL'), 10_000)
  await h.child.exited
  clearTimeout(killer)
}

/** One call over the host's bridge from Node, as the page would make it. */
export function bridgeCall(h: Host, method: string, input: unknown): Promise<unknown> {
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
export async function pageCall<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = (await page.evaluate(
    ([m, i]) => (globalThis as unknown as { hearth: Record<string, (x: unknown) => Promise<unknown>> }).hearth[m as string]!(i),
    [method, input] as const,
  )) as { ok: boolean; value: T; error?: { code: string } }
  if (!r.ok) throw new Error(`${method}: ${r.error?.code}`)
  return r.value
}

/**
 * Page-side probes, installed before any page script: the time of each click (`__clicks`; the
 * first is `__clicked`), when the groups screen is painted (`__groups`), when the first page of
 * posts is (`__painted`), and when each "bench-live-N" post is (`__seen`).
 */
function probes(): void {
  const g = globalThis as unknown as Record<string, unknown> & {
    document: { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number; [i: number]: { textContent: string | null } }; addEventListener(t: string, f: () => void, c: boolean): void }
    performance: { now(): number; timeOrigin: number }
    requestAnimationFrame(f: () => void): void
    MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void }
  }
  const seen: Record<string, number> = {}
  const clicks: number[] = []
  g.__seen = seen
  g.__clicks = clicks
  g.document.addEventListener('click', () => {
    clicks.push(g.performance.now())
    g.__clicked ??= clicks[0]
  }, true)
  // After the frame that shows it has been produced: rAF runs before paint, the task after it.
  const afterPaint = (f: () => void): void => g.requestAnimationFrame(() => setTimeout(f, 0))
  const once = (name: string): void => {
    if (g[`${name}Started`] !== undefined) return
    g[`${name}Started`] = true
    afterPaint(() => (g[name] = g.performance.now()))
  }
  new g.MutationObserver(() => {
    if (g.document.querySelector('.group-button')) once('__groups')
    const posts = g.document.querySelectorAll('article.post')
    if (posts.length >= 20) once('__painted')
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

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce' })
  context.setDefaultTimeout(120_000)
  // tsx keeps function names by wrapping them in a `__name` helper the page does not have.
  await context.addInitScript({ content: `var __name = (f) => f;\n(${probes.toString()})()` })
  return { context, page: await context.newPage() }
}

/** A probe's value once set (page time, ms since navigation start). */
export async function probe(page: Page, name: string): Promise<number> {
  await page.waitForFunction((n) => (globalThis as unknown as Record<string, unknown>)[n] !== undefined, name, { timeout: 120_000 })
  return page.evaluate((n) => (globalThis as unknown as Record<string, number>)[n] as number, name)
}

/** The anchor: a static page of 20 posts, shaped like the feed's, painted in the same Chromium. */
export async function staticPage(browser: Browser, work: string, runs: number): Promise<number[]> {
  const file = path.join(work, 'static.html')
  const posts = Array.from({ length: 20 }, (_, i) => `<article class="post"><h3>Alder</h3><p>Post ${i}: a few sentences of the length people write in a check-in, about the week and how it went.</p><footer><button>Believe</button> <button>Reply</button></footer></article>`)
  await writeFile(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body><main><h2>Conversations</h2>${posts.join('')}</main></body></html>`)
  const out: number[] = []
  for (let run = 0; run < runs; run++) {
    const { context, page } = await newPage(browser)
    await page.goto(pathToFileURL(file).href)
    out.push(await probe(page, '__painted'))
    await context.close()
  }
  return out
}
