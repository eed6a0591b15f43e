/**
 * Integrity in the renderer (issue 14), in Chromium through real web hosts on real profile folders.
 *
 * 1. Damage and moves. A profile copied to another folder (as `cp -a`, a file backup, a new
 *    computer) opens with its words and says it was moved; writing waits until the person says
 *    "continue here" after a confirm step, by keyboard. The same copy with its group store put back
 *    from an older backup says some of its own words are missing, with no way to skip the wait.
 *    With vault.hearth gone it says what it found, offers no new profile, changes no file, and
 *    opens as before once the file is put back; in Arabic it reads right to left.
 * 2. A rewritten log. Mallory (a real member in her own process, rewrite-member.child.ts)
 *    rewrites a post she shared; Alder, facilitator, finds it frozen in the review queue. Where
 *    removals need a second facilitator her lift waits and says so; once they do not, she lifts
 *    it after a confirm step, by keyboard. axe scans each new screen in light and dark.
 */
import { cpSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { spawnTs, type Child } from '../helpers/child.ts'
import { useTempDirs } from '../helpers/temp-dir.ts'
import { scanBoth } from './support/axe.ts'
import { openPage } from './support/browser.ts'
import { PASSPHRASE, callFromPage, createGroup, expectNoPageErrors, heading, makeInvite, onboard, postWith, section, writePost } from './support/flows.ts'
import { focused } from './support/keyboard.ts'
import { useBrowser } from './support/session.ts'
import { startTestnet, type Testnet } from './support/testnet.ts'

const { browser, host } = useBrowser()
const tempDir = useTempDirs()
const MALLORY = fileURLToPath(new URL('../integration/moderation/rewrite-member.child.ts', import.meta.url))

/** Every file under `dir` with its bytes, to show nothing was changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out.set(path.relative(dir, p), readFileSync(p).toString('base64'))
    }
  }
  walk(dir)
  return out
}

/** A web host on `profileDir` and a page of it, unlocked and inside the group `Circle`. */
async function openCircle(profileDir: string): Promise<{ page: Page; errors: string[]; done(): Promise<void> }> {
  const h = await host({ profileDir })
  const { page, errors, context } = await openPage(browser(), h.url)
  await heading(page, 'Unlock Hearth')
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await heading(page, 'Your groups')
  await page.getByRole('button', { name: /^Circle/ }).click()
  await heading(page, 'Circle')
  return { page, errors, done: async () => (await context.close(), void (await h.stop())) }
}

const ownWarning = (page: Page, name: string) => page.getByRole('heading', { level: 2, name })

describe('a moved, rolled-back or vault-less profile', () => {
  it('warns in plain words, continues here only after a confirm step, never offers a new profile over the old data', async () => {
    const first = path.join(tempDir('hearth-e2e-integrity-'), 'profile')
    const h1 = await host({ profileDir: first })
    const one = await openPage(browser(), h1.url)
    await onboard(one.page)
    await createGroup(one.page, 'Circle', 'Alder')
    await writePost(one.page, 'We meet by the old mill.')
    await one.context.close()
    await h1.stop()

    // Moved: the copy opens with its words, and waits before writing.
    const moved = path.join(tempDir('hearth-e2e-integrity-'), 'moved')
    cpSync(first, moved, { recursive: true, preserveTimestamps: true })
    let s = await openCircle(moved)
    await ownWarning(s.page, 'This profile was moved or put back from a backup').waitFor()
    await postWith(s.page, 'old mill').waitFor()
    const groupId = ((await callFromPage(s.page, 'listGroups', {})) as { ok: true; value: { id: string }[] }).value[0]!.id
    const refused = await callFromPage(s.page, 'post', { groupId, text: 'too early', topic: 'check-in' })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('LOG_UNCONFIRMED')
    await scanBoth(s.page, 'moved profile warning')

    // By keyboard: the confirm step takes focus on the safe choice; "Not now" gives focus back.
    await s.page.getByRole('button', { name: 'Continue here' }).focus()
    await s.page.keyboard.press('Enter')
    expect((await focused(s.page)).name).toBe('Not now')
    await scanBoth(s.page, 'continue here, confirm step')
    await s.page.keyboard.press('Enter')
    expect((await focused(s.page)).name).toBe('Continue here')
    await s.page.keyboard.press('Enter')
    await s.page.keyboard.press('Tab')
    expect((await focused(s.page)).name).toBe('Yes, continue here')
    await s.page.keyboard.press('Enter')
    await s.page.getByRole('status').filter({ hasText: 'You can write in this group again from this device.' }).waitFor()
    await ownWarning(s.page, 'This profile was moved or put back from a backup').waitFor({ state: 'detached' })
    await writePost(s.page, 'Written after continuing here.')
    expectNoPageErrors(s.errors)
    await s.done()

    // Rolled back: the group store from the older copy beside a record that knows more.
    rmSync(path.join(moved, 'logs'), { recursive: true })
    cpSync(path.join(first, 'logs'), path.join(moved, 'logs'), { recursive: true, preserveTimestamps: true })
    s = await openCircle(moved)
    await ownWarning(s.page, 'Some of your own words are missing from this device').waitFor()
    await s.page.getByText(/^This device holds \d+ of the \d+ pieces you have written in this group\./).waitFor()
    expect(await s.page.getByRole('button', { name: 'Continue here' }).count()).toBe(0)
    await postWith(s.page, 'old mill').waitFor()
    await scanBoth(s.page, 'own words missing')
    expectNoPageErrors(s.errors)
    await s.done()

    // No vault file: what was found, no new profile, nothing changed; back once it is put back.
    const kept = path.join(path.dirname(moved), 'vault.hearth.backup')
    renameSync(path.join(moved, 'vault.hearth'), kept)
    const before = snapshot(moved)
    const h3 = await host({ profileDir: moved })
    const three = await openPage(browser(), h3.url)
    const p = three.page
    await heading(p, 'The key file of this profile is missing')
    await p.getByText(/found the data of a profile in its folder \(.*logs.*\)/).waitFor()
    for (const offer of ['Create my profile', 'I understand, continue']) expect(await p.getByRole('button', { name: offer }).count()).toBe(0)
    await scanBoth(p, 'vault missing')
    await p.getByRole('button', { name: 'Look again' }).click()
    await p.getByRole('status').filter({ hasText: 'vault.hearth is still missing.' }).waitFor()
    expect(snapshot(moved)).toEqual(before)
    expect(statSync(moved).isDirectory()).toBe(true)
    // The same screen for a person whose computer speaks Arabic: right to left, and still clean.
    const ar = await openPage(browser(), h3.url, { locale: 'ar' })
    await heading(ar.page, 'ملف مفاتيح هذا الملف الشخصي مفقود')
    expect(await ar.page.locator('html').getAttribute('dir')).toBe('rtl')
    await scanBoth(ar.page, 'vault missing, Arabic')
    expectNoPageErrors(ar.errors)
    await ar.context.close()

    renameSync(kept, path.join(moved, 'vault.hearth'))
    await p.getByRole('button', { name: 'Look again' }).click()
    await heading(p, 'Unlock Hearth')
    expectNoPageErrors(three.errors)
    await three.context.close()
    await h3.stop()
  })
})

describe('a member who rewrites what she shared', () => {
  let net: Testnet | null = null
  let mallory: Child | null = null
  beforeAll(async () => {
    net = await startTestnet()
  })
  afterAll(async () => {
    await net?.destroy()
  })
  afterEach(async () => {
    const m = mallory
    mallory = null
    if (!m || m.proc.exitCode !== null || m.proc.signalCode !== null) return
    m.proc.stdin?.end()
    const timer = setTimeout(() => m.proc.kill('SIGKILL'), 10_000)
    await m.exited
    clearTimeout(timer)
  })

  /** Mallory's one-line answer to a command. */
  async function tell(cmd: string, answer: string): Promise<string[]> {
    const m = mallory as Child
    const seen = m.lines.length
    m.proc.stdin?.write(`${cmd}\n`)
    const line = await m.waitForLine((l: string, i?: number) => (i ?? 0) >= seen && (l.startsWith(`${answer} `) || l.startsWith('error ')), 60_000)
    if (line.startsWith('error ')) throw new Error(line)
    return line.split(' ').slice(1)
  }

  it('the facilitator sees the device frozen; a lift waits for a second facilitator where removals need one, and lifts after a confirm step', async () => {
    const boot = (net as Testnet).bootstrap
    const h = await host({ bootstrap: boot })
    const { page: a, errors } = await openPage(browser(), h.url)
    await onboard(a)
    await createGroup(a, 'Circle', 'Alder', 'Facilitated')
    const code = await makeInvite(a)
    mallory = spawnTs(MALLORY, [path.join(tempDir('hearth-e2e-mallory-'), 'profile'), boot.split(',')[0] as string, code], {}, { stdin: true })
    await mallory.waitForLine((l) => l.startsWith('joined '), 90_000)

    const [index] = await tell('post the original words', 'posted')
    await section(a, 'Conversations')
    await postWith(a, 'the original words').waitFor({ timeout: 60_000 })
    expect(await tell(`rewrite-post ${index} the rewritten words`, 'rewritten')).toEqual([index, '1'])

    const groupId = ((await callFromPage(a, 'listGroups', {})) as { ok: true; value: { id: string }[] }).value[0]!.id
    await callFromPage(a, 'updateSettings', { groupId, removalNeedsSecond: true })
    await section(a, 'Review')
    await a.getByRole('heading', { name: 'Frozen devices' }).waitFor({ timeout: 90_000 })
    await a.getByText('The device of Mallory is frozen.').waitFor()
    await a.getByText('In this group a second facilitator must agree, as for a removal.').waitFor()
    await postWith(a, 'the original words').waitFor({ state: 'detached' })
    await scanBoth(a, 'frozen device in the review queue')

    // A first facilitator's lift waits, and says so; there is nothing more for her to press.
    const lift = a.getByRole('button', { name: 'Let the device of Mallory speak again' })
    await lift.focus()
    await a.keyboard.press('Enter')
    expect((await focused(a)).name).toBe('Cancel')
    await scanBoth(a, 'lift, confirm step')
    await a.keyboard.press('Tab')
    expect((await focused(a)).name).toBe('Yes, let it speak again')
    await a.keyboard.press('Enter')
    await a.getByRole('status').filter({ hasText: 'Your choice is saved. It counts once a second facilitator agrees.' }).waitFor()
    await a.getByText('You asked to let it speak again. It waits for a second facilitator.').waitFor()
    expect(await lift.count()).toBe(0)

    // Once the group's removals need one facilitator, she can lift it herself.
    await callFromPage(a, 'updateSettings', { groupId, removalNeedsSecond: false })
    await lift.waitFor()
    await lift.focus()
    await a.keyboard.press('Enter')
    await a.keyboard.press('Tab')
    await a.keyboard.press('Enter')
    await a.getByRole('status').filter({ hasText: 'The device of Mallory can speak again.' }).waitFor()
    await a.getByText('The device of Mallory speaks again, decided by Alder.').waitFor()
    const review = await callFromPage(a, 'rewrittenLogs', { groupId })
    expect(review.ok && review.value[0]?.lifted?.by.map((b) => b.name)).toEqual(['Alder'])
    await scanBoth(a, 'lifted')
    expectNoPageErrors(errors)
  })
})
