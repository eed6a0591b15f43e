/**
 * Steps several tests share, done the way a person does them: by the labels and button names
 * on screen. Checks that belong to a step (the next screen appeared) live here too.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { MethodName, MethodOutput, ProfileStatus, Result } from '../../../core/api.ts'

export const PASSPHRASE = 'quiet river morning lantern'

export async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

/** Safety notice → create profile → the groups screen. */
export async function onboard(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await heading(page, 'Before you start')
  await page.getByRole('button', { name: 'I understand, continue' }).click()
  await heading(page, 'Choose a passphrase')
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByLabel('Type it again').fill(passphrase)
  await page.getByRole('button', { name: 'Create my profile' }).click()
  await heading(page, 'Your groups')
}

export async function createGroup(page: Page, name: string, pseudonym: string, mode: 'Survivor-led' | 'Facilitated' = 'Survivor-led'): Promise<void> {
  await page.getByRole('button', { name: 'Start a new group' }).click()
  await page.getByLabel('Group name').fill(name)
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check()
  await page.getByLabel('Your name in this group').fill(pseudonym)
  await page.getByRole('button', { name: 'Start the group' }).click()
  await heading(page, name)
}

/** Unfolds the post form behind "Write a post" if it is folded. */
export async function openCompose(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Write a post' })
  if ((await toggle.count()) > 0) await toggle.click()
  await page.getByLabel('Your post').waitFor()
}

export async function writePost(page: Page, text: string, opts: { cw?: string; topic?: string } = {}): Promise<void> {
  await openCompose(page)
  if (opts.topic) await page.getByLabel('Topic').selectOption({ label: opts.topic })
  await page.getByLabel('Your post').fill(text)
  await page.getByLabel('Content warning (optional)').fill(opts.cw ?? '')
  await page.getByRole('button', { name: 'Post', exact: true }).click()
  await page.getByRole('status').filter({ hasText: 'Your post was shared with the group.' }).waitFor()
}

/** The post (an article) whose byline or warning names `text`; posts are articles labelled by their byline. */
export function postWith(page: Page, text: string) {
  return page.locator('article.post').filter({ hasText: text })
}

/** Calls the contract through the page's own `window.hearth`, exactly as the renderer does. */
export async function callFromPage<M extends MethodName>(page: Page, method: M, input: unknown): Promise<Result<MethodOutput<M>>> {
  return page.evaluate(
    ([m, i]) => (globalThis as unknown as { hearth: Record<string, (x: unknown) => Promise<unknown>> }).hearth[m as string]!(i),
    [method, input] as const,
  ) as Promise<Result<MethodOutput<M>>>
}

export async function profileStatus(page: Page): Promise<ProfileStatus> {
  const r = await callFromPage(page, 'profileStatus', {})
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}

export function expectNoPageErrors(errors: string[]): void {
  expect(errors, errors.join('\n')).toEqual([])
}

/** The text of whatever has keyboard focus, trimmed. */
export function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document.activeElement?.textContent?.trim())
}

/** A facilitator writes the group's ground rules (which also counts as accepting them). */
export async function writeRules(page: Page, text: string): Promise<void> {
  await section(page, 'Ground rules')
  await page.getByRole('button', { name: /^(Write|Change) the ground rules$/ }).click()
  await page.getByLabel("The group's ground rules").fill(text)
  await page.getByRole('button', { name: 'Save the ground rules' }).click()
  await page.getByText('You have accepted these ground rules.').waitFor()
}

const MAIN_SECTIONS = ['Conversations', 'Members', 'Meetings', 'Resources', 'Care']
export type SectionName = 'Conversations' | 'Members' | 'Meetings' | 'Resources' | 'Care' | 'Ground rules' | 'Decisions' | 'Who holds the space' | 'Invites' | 'Save a copy' | 'Review'

/** Opens a group section: the five main ones are in the row, the rest behind "More". */
export async function section(page: Page, name: SectionName): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Group sections' })
  if (!MAIN_SECTIONS.includes(name)) {
    const more = nav.getByRole('button', { name: /^More/ })
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click()
  }
  await nav.getByRole('button', { name: new RegExp(`^${name}`) }).click()
}

/** Makes an invite with the default options from the Invites section; resolves with the code as shown. */
export async function makeInvite(page: Page): Promise<string> {
  await section(page, 'Invites')
  await page.getByRole('button', { name: 'Make an invite' }).click()
  await page.getByRole('button', { name: 'Make the invite code' }).click()
  await page.getByRole('heading', { name: 'Your new invite code' }).waitFor()
  // The visible groups of four (the screen-reader copy spells it out instead).
  const code = (await page.locator('.code > [aria-hidden="true"] .group').allTextContents()).join('-')
  expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/)
  return code
}

/**
 * Starts recording every text the page's live status regions show, so a test can check a
 * message that was on screen only for a moment (a join that found a member in 200 ms).
 */
export async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      __statuses: string[]
      document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> }
      MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void }
    }
    g.__statuses = []
    new g.MutationObserver(() => {
      for (const el of g.document.querySelectorAll('[role="status"]')) {
        const t = el.textContent?.trim()
        if (t && !g.__statuses.includes(t)) g.__statuses.push(t)
      }
    }).observe(g.document, { childList: true, subtree: true, characterData: true })
  })
  return () => page.evaluate(() => (globalThis as unknown as { __statuses: string[] }).__statuses)
}

/** Presses a button that offers a download and resolves with the file's suggested name and its text. */
export async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
  const stream = await file.createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') }
}

/** From the start screen: join a group with an invite code under the pseudonym `name`. */
export async function joinWithCode(page: Page, code: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Join a group with a code' }).click()
  await page.getByLabel('Your name in this group').fill(name)
  await page.getByLabel('Invite code').fill(code)
  await page.getByRole('button', { name: 'Join the group' }).click()
}
