/**
 * `npx tsx scripts/screenshots.ts`: regenerates docs/screenshots/*.png, the pictures in the
 * README, by driving Debian's Chromium through the web host against a throwaway profile. Kept out
 * of the tests on purpose: pictures change with every style tweak, and a test that rewrote
 * tracked files would dirty the work tree on every run.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { METHOD_NAMES } from '../core/schemas.ts'
import { createService } from '../core/service.ts'
import { buildRenderer, buildShim } from './web/build.ts'
import { EVENT_NAMES, startWebHost } from './web/server.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT = path.join(ROOT, 'docs', 'screenshots')
const PASSPHRASE = 'quiet river morning lantern'
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]

async function shot(page: Page, name: string): Promise<void> {
  // Focus rings and the caret are real, but in a still picture they read as noise.
  // The quick-exit button is fixed to the window, so a full-page picture is taken from the top.
  await page.evaluate(() => {
    const g = globalThis as unknown as { scrollTo(x: number, y: number): void; document: { activeElement: { blur?: () => void } | null } }
    g.document.activeElement?.blur?.()
    g.scrollTo(0, 0)
  })
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true })
  process.stdout.write(`docs/screenshots/${name}.png\n`)
}

async function post(page: Page, text: string, topic: string, cw = ''): Promise<void> {
  await page.getByLabel('Topic').selectOption({ label: topic })
  await page.getByLabel('Your post').fill(text)
  await page.getByLabel('Content warning (optional)').fill(cw)
  await page.getByRole('button', { name: 'Post', exact: true }).click()
  await page.getByRole('status').filter({ hasText: 'Your post was shared' }).waitFor()
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-screenshots-'))
  const service = createService({ profileDir: path.join(work, 'profile') })
  const browser = await chromium.launch({ executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, timeout: 30_000 })
  try {
    await buildRenderer(path.join(work, 'renderer'))
    const host = await startWebHost({ service, rendererDir: path.join(work, 'renderer'), shimCode: await buildShim({ methods: METHOD_NAMES, events: EVENT_NAMES }) })
    await mkdir(OUT, { recursive: true })
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, colorScheme: 'light', reducedMotion: 'reduce' })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await page.goto(host.url)

    await page.getByRole('heading', { name: 'Before you start' }).waitFor()
    await shot(page, 'safety-notice')
    await page.getByRole('button', { name: 'I understand, continue' }).click()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Type it again').fill(PASSPHRASE)
    await shot(page, 'create-profile')
    await page.getByRole('button', { name: 'Create my profile' }).click()

    await page.getByRole('button', { name: 'Start a new group' }).click()
    await page.getByLabel('Group name').fill('Thursday evening circle')
    await page.getByLabel('Your name in this group').fill('Wren')
    await shot(page, 'create-group')
    await page.getByRole('button', { name: 'Start the group' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thursday evening circle' }).waitFor()

    await page.getByRole('button', { name: 'Ground rules' }).click()
    await page.getByRole('button', { name: 'Write the ground rules' }).click()
    await page.getByLabel("The group's ground rules").fill(
      '1. What is shared here stays here.\n2. Speak from your own experience; no advice unless it is asked for.\n3. Use a content warning before describing violence.\n4. Take a break whenever you need one. Quick exit is always at the top right.',
    )
    await page.getByRole('button', { name: 'Save the ground rules' }).click()
    await page.getByText('You have accepted these ground rules.').waitFor()
    await shot(page, 'ground-rules')

    await page.getByRole('button', { name: 'Conversations' }).click()
    await post(page, 'First week back at work after everything. Small steps, but I made it through.', 'Celebration')
    await post(page, 'Something from last month is still on my mind and I would like to talk it through.', 'Story', 'describes being followed')
    const first = page.locator('article.post').filter({ hasText: 'First week back' })
    await first.getByRole('button', { name: 'Reply' }).click()
    await first.getByLabel('Your reply').fill('That is a big step. Well done.')
    await first.getByRole('button', { name: 'Send reply' }).click()
    await first.getByText('That is a big step.').waitFor()
    await first.getByRole('button', { name: 'Sending strength' }).first().click()
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
    await shot(page, 'group-space')

    await page.getByRole('button', { name: 'Members' }).click()
    await page.getByRole('table').waitFor()
    await shot(page, 'members')

    const dark = await browser.newContext({ viewport: { width: 1000, height: 760 }, colorScheme: 'dark', reducedMotion: 'reduce' })
    const darkPage = await dark.newPage()
    await darkPage.goto(host.url)
    await darkPage.getByRole('heading', { name: 'Your groups' }).waitFor()
    await darkPage.getByRole('button', { name: /^Thursday evening circle/ }).click()
    await darkPage.locator('article.post').filter({ hasText: 'describes being followed' }).getByRole('button', { name: 'Show this post' }).click()
    await shot(darkPage, 'group-space-dark')

    await page.getByRole('button', { name: 'Lock Hearth' }).click()
    await page.getByRole('heading', { name: 'Unlock Hearth' }).waitFor()
    await shot(page, 'unlock')

    await host.close()
  } finally {
    await browser.close()
    await service.close()
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`screenshots: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
