/**
 * Export and restore in real Chromium over the web host: the Export section (an axe scan of both
 * kinds of export, light and dark), a readable web page taken as a browser download (no path typed), that page opened
 * from disk in Chromium (posts shown, the warned post folded until opened, no script run, axe in
 * light and dark), an archive saved with its passphrase from the keyboard alone, and a second person's fresh profile
 * restoring it from the groups screen (a wrong passphrase refused in plain words first).
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { expectAccessible } from './support/axe.ts'
import { openPage } from './support/browser.ts'
import { createGroup, expectNoPageErrors, heading, onboard, section, download, writePost } from './support/flows.ts'
import { tabTo } from './support/keyboard.ts'
import { useBrowser } from './support/session.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

const e2e = useBrowser()
const out = makeTempDir('hearth-e2e-export-')
afterAll(() => rmSync(out, { recursive: true, force: true }))
const ARCHIVE_PASS = 'maple kettle harbour window'

describe('export and restore in the app', () => {
  let archive = ''

  it('saves a readable page and an archive', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url)
    await onboard(page)
    await createGroup(page, 'Evening circle', 'Rowan')
    await writePost(page, 'Something happened at the weekend.', { cw: 'mentions a threat' })
    await writePost(page, 'Checking in, doing alright today.')

    await section(page, 'Save a copy')
    await page.getByRole('heading', { name: 'Export this group' }).waitFor()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await expectAccessible(page, `export, archive (${scheme})`)
    }
    await page.getByRole('radio', { name: /^Web page/ }).check()
    await expect.poll(() => page.getByText('Anyone who opens a readable file can read it.').isVisible()).toBe(true)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await expectAccessible(page, `export, readable (${scheme})`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
    // In a browser a readable file is a download: no path is typed. The facilitator saves everyone's
    // words, and every member can see that it happened.
    expect(await page.getByLabel('Save to (the full path of the new file)').count()).toBe(0)
    await page.getByRole('radio', { name: /^Everyone's words/ }).check()
    const copy = await download(page, 'Download the readable file')
    expect(copy.name).toBe('group-record.html')
    await page.getByText(/^Rowan saved everyone's words \(HTML\)/).waitFor()
    const html = path.join(out, 'evening.html')
    writeFileSync(html, copy.text)

    // The archive, from the keyboard alone: every control reached by Tab shows its focus ring.
    await page.getByRole('heading', { name: 'Export this group' }).click()
    await tabTo(page, 'Web page')
    await page.keyboard.press('ArrowUp')
    expect(await page.getByRole('radio', { name: /^Archive/ }).isChecked()).toBe(true)
    await tabTo(page, 'Archive passphrase')
    await page.keyboard.type(ARCHIVE_PASS)
    await tabTo(page, 'Type the archive passphrase again')
    await page.keyboard.type(ARCHIVE_PASS)
    archive = path.join(out, 'evening.hearth')
    await tabTo(page, 'Save to')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(archive)
    await tabTo(page, 'Save the archive')
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: `Saved ${archive}.` }).waitFor()
    expect(existsSync(archive)).toBe(true)
    expectNoPageErrors(errors)
    await context.close()

    for (const colorScheme of ['light', 'dark'] as const) {
      const file = await openPage(e2e.browser(), pathToFileURL(html).href, { colorScheme })
      const p = file.page
      await p.getByRole('heading', { level: 1, name: 'Evening circle' }).waitFor()
      expect(await p.getByText('Checking in, doing alright today.').isVisible()).toBe(true)
      const warned = p.getByText('Something happened at the weekend.')
      expect(await warned.isVisible()).toBe(false)
      await expectAccessible(p, `readable export, warning folded (${colorScheme})`)
      await p.getByText('Content warning: mentions a threat (open to read)').click()
      expect(await warned.isVisible()).toBe(true)
      await expectAccessible(p, `readable export, warning opened (${colorScheme})`)
      expect(await p.locator('script').count()).toBe(0)
      // The style block is allowed by its hash in the page's CSP: it applied.
      expect(await p.evaluate('getComputedStyle(document.body).maxWidth')).toBe('736px')
      expectNoPageErrors(file.errors)
      await file.context.close()
    }

  })

  // Apart from the saving above, so neither test carries the other's time on a loaded machine.
  it('a fresh profile restores that archive, refusing a wrong archive passphrase first', async () => {
    expect(archive, 'the archive from the test before').not.toBe('')
    const other = await e2e.host()
    const second = await openPage(e2e.browser(), other.url)
    const q = second.page
    await onboard(q, 'a different profile passphrase')
    await q.getByRole('button', { name: 'Restore a group from an archive' }).click()
    await q.getByRole('heading', { name: 'Restore a group from an archive' }).waitFor()
    for (const scheme of ['light', 'dark'] as const) {
      await q.emulateMedia({ colorScheme: scheme })
      await expectAccessible(q, `restore form (${scheme})`)
    }
    await q.getByLabel('Archive file (its full path)').fill(archive)
    await q.getByLabel('Archive passphrase', { exact: true }).fill('not the archive passphrase')
    await q.getByRole('button', { name: 'Restore the group' }).click()
    await q.getByText('That archive passphrase did not open the archive.').waitFor()
    for (const scheme of ['dark', 'light'] as const) {
      await q.emulateMedia({ colorScheme: scheme })
      await expectAccessible(q, `restore form with a problem shown (${scheme})`)
    }
    await q.getByLabel('Archive passphrase', { exact: true }).fill(ARCHIVE_PASS)
    await q.getByRole('button', { name: 'Restore the group' }).click()
    await heading(q, 'Evening circle')
    await q.getByText('Checking in, doing alright today.').waitFor()
    expectNoPageErrors(second.errors)
    await second.context.close()
  })
})
