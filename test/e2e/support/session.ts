/**
 * The set-up every single-node browser test shares: one Chromium per test file, and every web
 * host a test starts is stopped (and its profile folder removed) after that test.
 */
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launch } from './browser.ts'
import { startHost, type Host } from './host.ts'

export interface BrowserSession {
  browser(): Browser
  host(opts?: { bootstrap?: string }): Promise<Host>
}

export function useBrowser(): BrowserSession {
  let browser: Browser | null = null
  const hosts: Host[] = []
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()))
  })
  return {
    browser() {
      if (!browser) throw new Error('the browser is not launched yet')
      return browser
    },
    async host(opts = {}) {
      const h = await startHost(opts)
      hosts.push(h)
      return h
    },
  }
}
