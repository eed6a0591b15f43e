/**
 * `npx tsx scripts/screenshots.ts`: regenerates docs/screenshots/*.png, the pictures in the
 * README, by driving Debian's Chromium through two web hosts (two people) on a loopback DHT
 * testnet, each against a throwaway profile. Kept out of the tests on purpose: pictures change
 * with every style tweak, and a test that rewrote tracked files would dirty the work tree on every
 * run.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { METHOD_NAMES } from '../core/schemas.ts'
import { createService, type HearthService } from '../core/service.ts'
import { buildRenderer, buildShim } from './web/build.ts'
import { EVENT_NAMES, startWebHost, type WebHost } from './web/server.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT = path.join(ROOT, 'docs', 'screenshots')
const PASSPHRASE = 'quiet river morning lantern'
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]
const RULES =
  '1. What is shared here stays here.\n2. Speak from your own experience; no advice unless it is asked for.\n3. Use a content warning before describing violence.\n4. Take a break whenever you need one. Quick exit is always at the top right.'

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
  await page.getByRole('button', { name: 'Write a post' }).click()
  await page.getByLabel('Topic').selectOption({ label: topic })
  await page.getByLabel('Your post').fill(text)
  await page.getByLabel('Content warning (optional)').fill(cw)
  await page.getByRole('button', { name: 'Post', exact: true }).click()
  await page.getByRole('status').filter({ hasText: 'Your post was shared' }).waitFor()
}

const MAIN = ['Conversations', 'Members', 'Meetings', 'Resources', 'Care']

/** The five main sections are in the row; the rest open from "More". */
async function section(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Group sections' })
  if (!MAIN.includes(name)) {
    const more = nav.getByRole('button', { name: /^More/ })
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click()
  }
  await nav.getByRole('button', { name: new RegExp(`^${name}`) }).click()
}

interface Person {
  service: HearthService
  host: WebHost
  page: Page
}

async function person(browser: Browser, work: string, name: string, bootstrap: { host: string; port: number }[], renderer: string, shimCode: string): Promise<Person> {
  const service = createService({ profileDir: path.join(work, name), network: { bootstrap, host: '127.0.0.1' } })
  const host = await startWebHost({ service, rendererDir: renderer, shimCode })
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, colorScheme: 'light', reducedMotion: 'reduce' })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  await page.goto(host.url)
  return { service, host, page }
}

async function onboard(page: Page, shots: boolean): Promise<void> {
  await page.getByRole('heading', { name: 'Before you start' }).waitFor()
  if (shots) await shot(page, 'safety-notice')
  await page.getByRole('button', { name: 'I understand, continue' }).click()
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
  await page.getByLabel('Type it again').fill(PASSPHRASE)
  if (shots) await shot(page, 'create-profile')
  await page.getByRole('button', { name: 'Create my profile' }).click()
  await page.getByRole('heading', { name: 'Your groups' }).waitFor()
}

/**
 * Moderation, decisions and the rotation: Birch posts, Wren (threshold 1 for the picture) flags
 * it, Birch sees why it is hidden, Wren reviews and restores it; then a decision and a turn.
 */
async function moderationShots(wren: Person, birch: Person): Promise<void> {
  const page = wren.page
  const b = birch.page
  const groupId = ((await wren.service.listGroups({})) as { ok: true; value: { id: string }[] }).value[0]?.id as string
  await wren.service.updateSettings({ groupId, flagThreshold: 1 })
  await section(b, 'Conversations')
  await post(b, 'I saw him outside the library on Elm street again, the one by the old mill.', 'Check-in')
  await section(page, 'Conversations')
  const theirs = page.locator('article.post').filter({ hasText: 'outside the library' })
  await theirs.getByRole('button', { name: 'Flag' }).click()
  await theirs.getByRole('radio', { name: /^Rule 1:/ }).check()
  await shot(page, 'flag')
  await theirs.getByRole('button', { name: 'Flag it' }).click()
  await b.getByRole('note', { name: 'Hidden from the group' }).waitFor()
  await shot(b, 'hidden-why')
  await section(page, 'Review')
  await page.getByText('Hidden by flags.').waitFor()
  await shot(page, 'review-queue')
  await page.getByRole('button', { name: 'Show it again' }).click()
  await page.getByText('Nothing is waiting for review.').waitFor()
  await wren.service.updateSettings({ groupId, flagThreshold: 3 })

  await section(page, 'Decisions')
  await page.getByRole('button', { name: 'Propose a decision' }).click()
  await page.getByLabel('The question').fill('Shall we move to Thursday afternoons over the winter?')
  await page.getByRole('button', { name: 'Propose it' }).click()
  await page.getByRole('radio', { name: /^Yes/ }).check()
  await page.getByRole('button', { name: 'Vote' }).click()
  await page.getByRole('radio', { name: /your vote/ }).waitFor()
  await shot(page, 'decisions')

  await section(page, 'Who holds the space')
  const local = (ms: number): string => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
  const day = 86_400_000
  for (const [who, from] of [['Wren (you)', 3_600_000], ['Birch', 8 * day]] as const) {
    await page.getByLabel('Who', { exact: true }).selectOption({ label: who })
    await page.getByLabel('From', { exact: true }).fill(local(Date.now() + from))
    await page.getByLabel('Until', { exact: true }).fill(local(Date.now() + from + 7 * day))
    await page.getByRole('button', { name: 'Add the turn' }).click()
    await page.getByText('The turn was added.').waitFor()
  }
  await page.getByText(/^Your turn to hold the space starts/).waitFor()
  await shot(page, 'rotation')
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-screenshots-'))
  const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }>
  const testnet = await createTestnet(3, { host: '127.0.0.1' })
  const browser = await chromium.launch({ executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, timeout: 30_000 })
  const people: Person[] = []
  try {
    const renderer = path.join(work, 'renderer')
    await buildRenderer(renderer)
    const shimCode = await buildShim({ methods: METHOD_NAMES, events: EVENT_NAMES })
    await mkdir(OUT, { recursive: true })
    const wren = await person(browser, work, 'wren', testnet.bootstrap, renderer, shimCode)
    const birch = await person(browser, work, 'birch', testnet.bootstrap, renderer, shimCode)
    people.push(wren, birch)
    const page = wren.page

    await onboard(page, true)
    await page.getByRole('button', { name: 'Start a new group' }).click()
    await page.getByLabel('Group name').fill('Thursday evening circle')
    await page.getByLabel('Your name in this group').fill('Wren')
    await shot(page, 'create-group')
    await page.getByRole('button', { name: 'Start the group' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thursday evening circle' }).waitFor()

    await section(page, 'Ground rules')
    await page.getByRole('button', { name: 'Write the ground rules' }).click()
    await page.getByLabel("The group's ground rules").fill(RULES)
    await page.getByRole('button', { name: 'Save the ground rules' }).click()
    await page.getByText('You have accepted these ground rules.').waitFor()
    await shot(page, 'ground-rules')

    await section(page, 'Conversations')
    await post(page, 'First week back at work after everything. Small steps, but I made it through.', 'Celebration')
    await post(page, 'Something from last month is still on my mind and I would like to talk it through.', 'Story', 'describes being followed')

    await section(page, 'Invites')
    await page.getByRole('button', { name: 'Make an invite' }).click()
    await shot(page, 'invite-options')
    await page.getByRole('button', { name: 'Make the invite code' }).click()
    await page.getByRole('heading', { name: 'Your new invite code' }).waitFor()
    const code = (await page.locator('.code > [aria-hidden="true"] .group').allTextContents()).join('-')
    await shot(page, 'invite-code')
    await page.getByRole('button', { name: 'Done, hide the code' }).click()

    const b = birch.page
    await onboard(b, false)
    await b.getByRole('button', { name: 'Join a group with a code' }).click()
    await b.getByLabel('Your name in this group').fill('Birch')
    await b.getByLabel('Invite code').fill(code.slice(0, 6) + (code[6] === 'A' ? 'B' : 'A') + code.slice(7))
    await b.getByRole('button', { name: 'Join the group' }).click()
    await b.getByText('That code has a mistake in it').waitFor()
    await shot(b, 'join-mistyped')
    await b.getByLabel('Invite code').fill(code)
    await b.getByRole('button', { name: 'Join the group' }).click()
    await b.getByRole('heading', { level: 1, name: 'Thursday evening circle' }).waitFor()
    await b.getByText('Before you post or reply').waitFor()
    await shot(b, 'newcomer-rules-first')
    await b.getByRole('button', { name: 'Read the ground rules' }).click()
    await b.getByRole('button', { name: 'I accept these ground rules' }).click()
    await section(b, 'Conversations')
    const first = b.locator('article.post').filter({ hasText: 'First week back' })
    await first.getByRole('button', { name: 'Reply' }).click()
    await first.getByLabel('Your reply').fill('That is a big step. Well done.')
    await first.getByRole('button', { name: 'Send reply' }).click()
    await first.getByRole('button', { name: 'Sending strength' }).first().click()

    await section(page, 'Invites')
    await page.getByRole('article', { name: /used$/ }).waitFor()
    await shot(page, 'invites')
    await section(page, 'Conversations')
    await page.locator('article.post').filter({ hasText: 'First week back' }).getByText('That is a big step.').waitFor()
    await page.getByText('Held by another member.').waitFor()
    await shot(page, 'group-space')
    await section(page, 'Members')
    await page.getByRole('row', { name: /^Birch/ }).getByText('Connected now').waitFor()
    await shot(page, 'members')
    await section(page, 'Save a copy')
    await page.getByRole('radio', { name: /^Web page/ }).check()
    await page.getByRole('radio', { name: /^Everyone's words/ }).check()
    await shot(page, 'export')

    // The private line: Birch writes to the facilitators; Wren sees it waiting and answers.
    await section(b, 'Write to the facilitators')
    await b.getByLabel('What is it about?').selectOption('safety-check')
    await b.getByLabel('Your message to the facilitators').fill('Someone from home may know about the group. Could we talk before Thursday?')
    await b.getByRole('button', { name: 'Send to the facilitators' }).click()
    await b.getByText('Sent. Only the facilitators can read it').waitFor()
    await section(page, 'Write to the facilitators')
    await page.getByRole('heading', { name: 'Birch — waiting for an answer' }).waitFor({ timeout: 30_000 })
    await page.getByLabel('Your answer to Birch (only Birch and the facilitators read it)').fill('Yes, of course. I will call you this evening.')
    await shot(page, 'private-line')
    await page.getByRole('button', { name: 'Send the answer to Birch' }).click()
    await b.getByText('I will call you this evening.').waitFor({ timeout: 30_000 })
    await shot(b, 'private-line-member')

    // The calmer screen as it first appears in an 800×600 window: the conversation on the first screen.
    await section(page, 'Conversations')
    await page.setViewportSize({ width: 800, height: 600 })
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0))
    await page.screenshot({ path: path.join(OUT, 'group-space-800x600.png') })
    process.stdout.write('docs/screenshots/group-space-800x600.png\n')
    await page.setViewportSize({ width: 1000, height: 760 })

    await moderationShots(wren, birch)

    await page.getByRole('button', { name: 'Back to your groups' }).click()
    await page.getByRole('button', { name: 'Restore a group from an archive' }).click()
    // The browser host's only typed path (the desktop app picks the file with the system's window).
    await page.getByLabel('Archive file (its full path)').fill('/media/usb/thursday-circle.hearth')
    await shot(page, 'restore')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await shot(page, 'settings')

    const dark = await browser.newContext({ viewport: { width: 1000, height: 760 }, colorScheme: 'dark', reducedMotion: 'reduce' })
    const darkPage = await dark.newPage()
    await darkPage.goto(wren.host.url)
    await darkPage.getByRole('heading', { name: 'Your groups' }).waitFor()
    await darkPage.getByRole('button', { name: /^Thursday evening circle/ }).click()
    await darkPage.locator('article.post').filter({ hasText: 'describes being followed' }).getByRole('button', { name: 'Show this post' }).click()
    await shot(darkPage, 'group-space-dark')

    await page.getByRole('button', { name: 'Back to your groups' }).click()
    await page.getByRole('button', { name: 'Lock Hearth' }).click()
    await page.getByRole('heading', { name: 'Unlock Hearth' }).waitFor()
    await shot(page, 'unlock')
    await page.getByRole('button', { name: 'Quick exit' }).click()
    await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor()
    await shot(page, 'quick-exit-cover')
  } finally {
    for (const p of people) await p.host.close()
    await browser.close()
    for (const p of people) await p.service.close()
    await testnet.destroy()
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`screenshots: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
