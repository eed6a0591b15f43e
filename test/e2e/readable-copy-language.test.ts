/**
 * A readable copy in the language the person reads Hearth in, in real Chromium over the web host:
 * Arabic picked on the first screen, the safety plan written and taken as a download. The copy's
 * own words (title, warning, section heading) are Arabic from core; what the person wrote is
 * exactly as written. Labels come from the Arabic catalogue, so the test follows its words.
 */
import { describe, expect, it } from 'vitest'
import { ar } from '../../renderer/i18n/messages/ar.ts'
import { readableAr } from '../../core/readable-words/ar.ts'
import { openPage } from './support/browser.ts'
import { download, expectNoPageErrors, heading, PASSPHRASE } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

describe('readable copies follow the language on screen', () => {
  it('an Arabic safety plan copy: Hearth\'s words in Arabic, the person\'s own words untouched', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: 'en-US' })
    await heading(page, 'Before you start')
    await page.getByLabel('Language').selectOption('ar')
    await heading(page, ar['notice.title.first'])
    await page.getByRole('button', { name: ar['notice.continue'] }).click()
    await heading(page, ar['create.title'])
    await page.getByLabel(ar['passphrase.label'], { exact: true }).fill(PASSPHRASE)
    await page.getByLabel(ar['passphrase.again']).fill(PASSPHRASE)
    await page.getByRole('button', { name: ar['create.submit'] }).click()
    await heading(page, ar['groups.title'])

    await page.getByRole('button', { name: ar['groups.tools.safetyPlan'] }).click()
    await heading(page, ar['plan.title'])
    await page.getByLabel(ar['plan.safePlaces']).fill('my aunt’s house, 12 Elm Road')
    await page.getByRole('button', { name: ar['plan.submit'] }).click()
    await page.getByText(ar['plan.saved']).waitFor()
    const plan = await download(page, ar['copy.download'])
    expect(plan.name).toBe('safety-plan.txt')
    const lines = plan.text.split('\n')
    expect(lines[0]).toBe(readableAr['plan.title'])
    expect(plan.text).toContain(readableAr['warning.unencrypted'])
    expect(plan.text).toContain(`${readableAr['plan.safePlaces']}\n`)
    expect(plan.text).toContain('my aunt’s house, 12 Elm Road')
    expect(plan.text).not.toContain('SAFETY PLAN')
    expectNoPageErrors(errors)
    await context.close()
  })
})
