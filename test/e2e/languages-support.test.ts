/**
 * The support screens and the words that come from core, in Spanish and in Arabic, in real
 * Chromium: a meeting planned and answered, the offered rule templates, a training module read
 * and completed, the hotline list, stepping back. Every word looked for comes from the catalogue
 * or the translated content itself, so the test follows the translations rather than copying them;
 * phone numbers stay as core has them. axe scans in light and dark at each screen.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ar } from '../../renderer/i18n/messages/ar.ts'
import { coreWordsAr } from '../../renderer/i18n/messages/ar/core-words.ts'
import { trainingModulesAr } from '../../renderer/i18n/messages/ar/training-modules.ts'
import { es } from '../../renderer/i18n/messages/es.ts'
import { coreWordsEs } from '../../renderer/i18n/messages/es/core-words.ts'
import { trainingModulesEs } from '../../renderer/i18n/messages/es/training-modules.ts'
import { scanBoth } from './support/axe.ts'
import { openPage } from './support/browser.ts'
import { expectNoPageErrors, heading, PASSPHRASE } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()
type Catalogue = typeof es

/** The words inside a message's first `<b>…</b>`, which begin a radio's label. */
function bold(message: string): RegExp {
  return new RegExp(`^${/<b>(.*?)<\/b>/.exec(message)![1]}`)
}

async function firstRunToGroup(page: Page, w: Catalogue, group: string, pseudonym: string): Promise<void> {
  await page.getByRole('button', { name: w['notice.continue'] }).click()
  await page.getByLabel(w['passphrase.label'], { exact: true }).fill(PASSPHRASE)
  await page.getByLabel(w['passphrase.again'], { exact: true }).fill(PASSPHRASE)
  await page.getByRole('button', { name: w['create.submit'] }).click()
  await heading(page, w['groups.title'])
  await page.getByRole('button', { name: w['groups.start'] }).click()
  await page.getByLabel(w['createGroup.name']).fill(group)
  await page.getByRole('radio', { name: bold(w['createGroup.survivorLed']) }).check()
  await page.getByLabel(w['createGroup.pseudonym']).fill(pseudonym)
  await page.getByRole('button', { name: w['createGroup.submit'] }).click()
  await heading(page, group)
}

async function sectionOf(page: Page, w: Catalogue, key: 'section.meetings' | 'section.care' | 'section.rules'): Promise<void> {
  const nav = page.getByRole('navigation', { name: w['space.nav'] })
  if (key === 'section.rules') await nav.getByRole('button', { name: new RegExp(`^${w['space.more']}`) }).click()
  await nav.getByRole('button', { name: new RegExp(`^${w[key]}`) }).click()
}

describe('the support screens in other languages', () => {
  it('Spanish: a meeting, the offered rule templates, a training module and the hotlines', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: 'es-ES' })
    await heading(page, es['notice.title.first'])
    await firstRunToGroup(page, es, 'Círculo del martes', 'Sauce')

    await sectionOf(page, es, 'section.meetings')
    await page.getByText(es['meetings.none']).waitFor()
    await page.getByLabel(es['meetingForm.name'], { exact: true }).fill('Círculo del jueves')
    await page.getByRole('radio', { name: es['meetings.inPerson'] }).check()
    await page.getByLabel(es['meetingForm.start'], { exact: true }).fill('2026-12-03T18:30')
    await page.getByLabel(es['meetingForm.placeName'], { exact: true }).fill('Sala 4, biblioteca')
    await page.getByRole('button', { name: es['meetingForm.submit'] }).click()
    await page.getByRole('heading', { name: 'Círculo del jueves' }).waitFor()
    await page.getByText(/^En persona, .*, 60 minutos\. Facilita Sauce\.$/).waitFor()
    await page.getByRole('button', { name: es['meetings.rsvp.yes'], exact: true }).click()
    await page.getByText('1 viene (Sauce), 0 quizá, 0 no vienen.').waitFor()
    await scanBoth(page, 'meetings in Spanish')

    // Only the templates on offer are translated; the editor's own words are another screen's.
    await sectionOf(page, es, 'section.rules')
    await page.getByRole('button', { name: es['rules.write'] }).click()
    const short = coreWordsEs.templates.short
    expect(await page.locator('#rules-template option[value="short"]').textContent()).toBe(short.title)
    await page.locator('#rules-template').selectOption('short')
    await page.locator('#rules-template-help').getByText(short.summary).waitFor()
    await page.locator('.template button').click()
    expect(await page.locator('textarea').first().inputValue()).toContain(short.rules[0])
    await page.getByRole('button', { name: es['space.back'] }).click()

    await page.getByRole('button', { name: es['groups.tools.training'] }).click()
    await heading(page, es['training.title'])
    const listening = trainingModulesEs['active-listening']
    await page.getByRole('button', { name: listening.title }).click()
    await page.getByRole('heading', { name: es['training.reflect'] }).waitFor()
    await page.getByRole('heading', { name: listening.sections[1]!.heading }).waitFor()
    expect(await page.getByText(es['training.english']).count()).toBe(0)
    await page.getByRole('button', { name: es['training.complete'] }).click()
    await page.getByText('1 de 6 completados.').waitFor()
    await scanBoth(page, 'training in Spanish')
    await page.getByRole('button', { name: es['training.back'] }).click()

    await page.getByRole('button', { name: es['groups.tools.hotlines'] }).click()
    await heading(page, es['hotlines.title'])
    await page.getByRole('heading', { name: 'Estados Unidos', level: 2 }).waitFor()
    await page.getByText(coreWordsEs.hotlines['Text START to 88788']!).waitFor()
    await page.getByText('1-800-799-7233').waitFor()
    await scanBoth(page, 'hotlines in Spanish')
    expectNoPageErrors(errors)
    await context.close()
  })

  it('Arabic, right to left: stepping back, a training module and the hotlines', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: 'ar' })
    await heading(page, ar['notice.title.first'])
    await firstRunToGroup(page, ar, 'حلقة الثلاثاء', 'Wren')
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir)).toBe('rtl')

    await sectionOf(page, ar, 'section.care')
    await page.getByRole('button', { name: ar['care.stepBack.button'] }).click()
    await page.getByText(ar['care.away.said']).waitFor()
    await scanBoth(page, 'care in Arabic')
    await page.getByRole('button', { name: ar['care.stepBack.back'] }).click()
    await page.getByRole('button', { name: ar['space.back'] }).click()

    await page.getByRole('button', { name: ar['groups.tools.training'] }).click()
    await heading(page, ar['training.title'])
    const dynamics = trainingModulesAr['abuse-dynamics']
    await page.getByRole('button', { name: dynamics.title }).click()
    await page.getByRole('heading', { name: dynamics.sections[0]!.heading }).waitFor()
    await page.getByRole('button', { name: ar['training.complete'] }).click()
    await page.getByText(ar['training.completed']).waitFor()
    await scanBoth(page, 'training in Arabic')
    await page.getByRole('button', { name: ar['training.back'] }).click()

    await page.getByRole('button', { name: ar['groups.tools.hotlines'] }).click()
    await heading(page, ar['hotlines.title'])
    await page.getByText(coreWordsAr.hotlines['24 hours, every day; free and anonymous']!).waitFor()
    await page.getByText('116 016').waitFor()
    const countries = await page.getByRole('heading', { level: 2 }).allTextContents()
    expect(countries).toContain(new Intl.DisplayNames(['ar'], { type: 'region' }).of('DE'))
    await scanBoth(page, 'hotlines in Arabic')
    expectNoPageErrors(errors)
    await context.close()
  })
})
