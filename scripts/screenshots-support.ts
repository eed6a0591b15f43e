/**
 * `npx tsx scripts/screenshots-support.ts`: the README's pictures of the support tools
 * (docs/screenshots/support-*.png), from one web host on a throwaway profile, offline, in
 * Debian's Chromium. Separate from scripts/screenshots.ts so each can be rerun alone; like it,
 * kept out of the tests because pictures change with every style tweak.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { METHOD_NAMES } from '../core/schemas.ts'
import { createService } from '../core/service.ts'
import { buildRenderer, buildShim } from './web/build.ts'
import { EVENT_NAMES, startWebHost } from './web/server.ts'

const OUT = path.join(path.resolve(import.meta.dirname, '..'), 'docs', 'screenshots')
const PASSPHRASE = 'quiet river morning lantern'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { scrollTo(x: number, y: number): void; document: { activeElement: { blur?: () => void } | null } }
    g.document.activeElement?.blur?.()
    g.scrollTo(0, 0)
  })
  await page.screenshot({ path: path.join(OUT, `support-${name}.png`), fullPage: true })
  process.stdout.write(`docs/screenshots/support-${name}.png\n`)
}

async function open(page: Page, button: string, title: string): Promise<void> {
  await page.getByRole('button', { name: button }).click()
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
}

async function back(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to your groups' }).click()
  await page.getByRole('heading', { level: 1, name: 'Your groups' }).waitFor()
}

/** Resources, Meetings and Care are among the five main sections in the row. */
async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Group sections' }).getByRole('button', { name: new RegExp(`^${name}`) }).click()
  await page.getByRole('heading', { level: 2, name }).waitFor()
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-screenshots-'))
  const browser = await chromium.launch({ executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, timeout: 30_000 })
  const service = createService({ profileDir: path.join(work, 'profile'), openLink: async () => true })
  try {
    const renderer = path.join(work, 'renderer')
    await buildRenderer(renderer)
    const host = await startWebHost({ service, rendererDir: renderer, shimCode: await buildShim({ methods: METHOD_NAMES, events: EVENT_NAMES }) })
    await mkdir(OUT, { recursive: true })
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, colorScheme: 'light', reducedMotion: 'reduce' })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await page.goto(host.url)
    await page.getByRole('button', { name: 'I understand, continue' }).click()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Type it again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create my profile' }).click()
    await page.getByRole('heading', { name: 'Your groups' }).waitFor()
    await page.getByRole('button', { name: 'Start a new group' }).click()
    await page.getByLabel('Group name').fill('Thursday evening circle')
    await page.getByLabel('Your name in this group').fill('Wren')
    await page.getByRole('button', { name: 'Start the group' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thursday evening circle' }).waitFor()

    await section(page, 'Resources')
    await page.getByLabel('Name', { exact: true }).fill('Riverside legal advice centre')
    await page.getByLabel('Region (optional)').fill('Riverside')
    await page.getByLabel('How to reach it (optional)').fill('Drop-in Tuesdays 10–1, ask for the family team')
    await page.getByLabel('Web address (optional)').fill('https://legal.example.org/')
    await page.getByRole('button', { name: 'Add to the directory' }).click()
    await page.getByRole('button', { name: 'Open the website of Riverside legal advice centre' }).click()
    await shot(page, 'resources')

    await section(page, 'Meetings')
    await page.getByLabel('Title').fill('Thursday evening circle')
    await page.getByRole('radio', { name: 'In person' }).check()
    await page.getByLabel('Starts').fill('2026-12-03T18:30')
    await page.getByLabel('Place').fill('Community room, Riverside library (side door)')
    await page.getByLabel('Agenda (optional)').fill('Check-in round\nTopic: sleep and rest\nClosing')
    await page.getByRole('button', { name: 'Save the meeting' }).click()
    await page.getByRole('button', { name: 'Coming', exact: true }).click()
    await page.getByText('1 coming (Wren)').waitFor()
    await shot(page, 'meetings')

    await section(page, 'Care')
    await page.getByLabel('Write to the other facilitators').fill('Heavy session tonight. I am okay, and I will rest tomorrow.')
    await page.getByRole('button', { name: 'Write in the debrief' }).click()
    await page.getByText('Heavy session tonight.').waitFor()
    await shot(page, 'care')
    await back(page)

    await open(page, 'How are you today?', 'How are you today?')
    await page.getByRole('radio', { name: 'Okay' }).check()
    await page.getByLabel('A few words (optional)').fill('Tired, but I went for a walk.')
    await shot(page, 'check-in')
    await back(page)
    await open(page, 'My safety plan', 'My safety plan')
    await page.getByLabel('Safe places').fill('A friend across town; the 24-hour pharmacy on the high street.')
    await page.getByLabel('Code words').fill('"Did you feed the cat?" means call for help.')
    await shot(page, 'safety-plan')
    await back(page)
    await open(page, 'Private journal', 'Private journal')
    await page.getByLabel('Date and time it happened').fill('2026-11-20T21:15')
    await page.getByLabel('What happened').fill('Messages all evening demanding to know where I was.')
    await page.getByLabel('Where evidence is kept (optional)').fill('Screenshots with my advocate.')
    await page.getByRole('button', { name: 'Save the entry' }).click()
    await page.getByRole('heading', { name: '2026-11-20 at 21:15' }).waitFor()
    await shot(page, 'journal')
    await back(page)
    await open(page, 'Training', 'Training')
    await page.getByRole('button', { name: 'Listening well' }).click()
    await page.getByRole('heading', { name: 'To reflect on' }).waitFor()
    await shot(page, 'training')
    await back(page)
    await open(page, 'Hotlines', 'Hotlines')
    await shot(page, 'hotlines')
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
