/**
 * The set-ups browser tests share. `useBrowser`: one Chromium per test file, and every web host a
 * test starts is stopped (and its profile folder removed) after that test. `usePeople`: the same,
 * plus one three-node DHT on 127.0.0.1 per file, for tests where people meet; each person is their
 * own web host process on it with their own browser context.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launch, openPage } from './browser.ts'
import { startHost, type Host } from './host.ts'
import { startTestnet, type Testnet } from './testnet.ts'

export interface BrowserSession {
  browser(): Browser
  host(opts?: Parameters<typeof startHost>[0]): Promise<Host>
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

export interface People {
  /** A new person: their own web host on the file's testnet, and a page of it in a new context. */
  person(opts?: { colorScheme?: 'light' | 'dark' }): Promise<{ page: Page; errors: string[]; host: Host }>
}

export function usePeople(): People {
  let browser: Browser | null = null
  let testnet: Testnet | null = null
  const hosts: Host[] = []
  beforeAll(async () => {
    ;[browser, testnet] = await Promise.all([launch(), startTestnet()])
  })
  afterAll(async () => {
    await browser?.close()
    await testnet?.destroy()
  })
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()))
  })
  return {
    async person(opts = {}) {
      if (!browser || !testnet) throw new Error('the browser and testnet are not started yet')
      const host = await startHost({ bootstrap: testnet.bootstrap })
      hosts.push(host)
      return { ...(await openPage(browser, host.url, opts)), host }
    },
  }
}
