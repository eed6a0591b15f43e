/**
 * Debian's Chromium through playwright-core, never a downloaded browser. One browser per test
 * file, one fresh context per test. Every wait is bounded by the default timeouts set here.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium'

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]

/** Upper bound for any one UI wait: generous for a loaded 2-core machine, short enough to fail fast. */
export const UI_TIMEOUT_MS = 10_000

/** `extra`: flags a test needs beyond the standard ones (WebRTC's `--allow-loopback-in-peer-connection`). */
export function launch(extra: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extra], timeout: 30_000 })
}

export async function openPage(
  browser: Browser,
  url: string,
  /** `clock`: the page gets Playwright's fake clock, installed before it loads, so a test can move time forward. */
  /** `locale`: the system language the page sees in `navigator.languages` (Chromium's default otherwise). */
  /** `permissions`: granted to the page before it loads (WebRTC tests grant camera and microphone). */
  opts: { colorScheme?: 'light' | 'dark'; clock?: boolean; locale?: string; permissions?: string[] } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 }, colorScheme: opts.colorScheme ?? 'light', reducedMotion: 'reduce',
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.permissions ? { permissions: opts.permissions } : {}),
  })
  context.setDefaultTimeout(UI_TIMEOUT_MS)
  context.setDefaultNavigationTimeout(UI_TIMEOUT_MS)
  const page = await context.newPage()
  // A page error or a CSP refusal is a failure even when the screen looks right.
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  if (opts.clock) await page.clock.install()
  await page.goto(url)
  return { context, page, errors }
}
