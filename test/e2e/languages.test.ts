/**
 * Hearth in Spanish and in Arabic, in real Chromium: the first run to a first post, with axe
 * scans in light and dark at each screen. Spanish comes from the system language alone; Arabic
 * is picked on the safety notice by a person whose system is English, lays out right to left,
 * keeps a Latin pseudonym and a mixed post isolated, and is kept in the profile's sealed settings;
 * Settings changes it at once and keeps the new choice, which the unlock screen keeps after
 * locking. At 800×600 and at 200% zoom (400×300) the group space does not scroll sideways.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scanBoth } from './support/axe.ts'
import { openPage } from './support/browser.ts'
import { callFromPage, expectNoPageErrors, heading, PASSPHRASE } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()
/** Set to a folder (docs/screenshots) to refresh the README's pictures of each language. */
const SHOTS = process.env.HEARTH_SCREENSHOT_DIR

interface Words {
  notice: string
  continue: string
  create: string
  passphrase: string
  again: string
  createProfile: string
  groups: string
  startGroup: string
  groupName: string
  survivorLed: RegExp
  pseudonym: string
  startTheGroup: string
  writePost: string
  yourPost: string
  post: string
  shared: string
}

const ES: Words = {
  notice: 'Antes de empezar', continue: 'Entiendo, continuar', create: 'Elige una frase de contraseña',
  passphrase: 'Frase de contraseña', again: 'Escríbela otra vez', createProfile: 'Crear mi perfil', groups: 'Tus grupos',
  startGroup: 'Crear un grupo nuevo', groupName: 'Nombre del grupo', survivorLed: /^Dirigido por sobrevivientes/,
  pseudonym: 'Tu nombre en este grupo', startTheGroup: 'Crear el grupo', writePost: 'Escribir una publicación',
  yourPost: 'Tu publicación', post: 'Publicar', shared: 'Tu publicación se compartió con el grupo.',
}

const AR: Words = {
  notice: 'قبل البدء', continue: 'فهمت، متابعة', create: 'اختيار عبارة مرور',
  passphrase: 'عبارة المرور', again: 'كتابتها مرة أخرى', createProfile: 'إنشاء ملفي الشخصي', groups: 'مجموعاتك',
  startGroup: 'بدء مجموعة جديدة', groupName: 'اسم المجموعة', survivorLed: /^يقودها ناجون وناجيات/,
  pseudonym: 'اسمك في هذه المجموعة', startTheGroup: 'بدء المجموعة', writePost: 'كتابة منشور',
  yourPost: 'منشورك', post: 'نشر', shared: 'تمت مشاركة منشورك مع المجموعة.',
}

function pageLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => {
    const html = (globalThis as unknown as { document: { documentElement: { lang: string; dir: string } } }).document.documentElement
    return { lang: html.lang, dir: html.dir }
  })
}

/** True when the page is wider than its window, i.e. something would scroll sideways. */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const html = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return html.scrollWidth > html.clientWidth
  })
}

async function firstRunToFirstPost(page: Page, w: Words, group: { name: string; pseudonym: string; post: string }, shot: string): Promise<void> {
  await scanBoth(page, 'safety notice')
  await page.getByRole('button', { name: w.continue }).click()
  await heading(page, w.create)
  await scanBoth(page, 'create profile')
  await page.getByLabel(w.passphrase, { exact: true }).fill(PASSPHRASE)
  await page.getByLabel(w.again, { exact: true }).fill(PASSPHRASE)
  await page.getByRole('button', { name: w.createProfile }).click()
  await heading(page, w.groups)
  await page.getByRole('button', { name: w.startGroup }).click()
  await page.getByLabel(w.groupName).fill(group.name)
  await page.getByRole('radio', { name: w.survivorLed }).check()
  await page.getByLabel(w.pseudonym).fill(group.pseudonym)
  await scanBoth(page, 'groups, create form')
  await page.getByRole('button', { name: w.startTheGroup }).click()
  await heading(page, group.name)
  await page.getByRole('button', { name: w.writePost }).click()
  await page.getByLabel(w.yourPost).fill(group.post)
  await page.getByRole('button', { name: w.post, exact: true }).click()
  await page.getByRole('status').filter({ hasText: w.shared }).waitFor()
  await page.locator('article.post').filter({ hasText: group.post }).waitFor()
  await scanBoth(page, 'group space with the first post')
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `${shot}-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await page.setViewportSize({ width: 800, height: 600 })
  expect(await scrollsSideways(page), 'the group space at 800×600').toBe(false)
  // 200% zoom of an 800×600 window leaves 400×300 CSS pixels.
  await page.setViewportSize({ width: 400, height: 300 })
  expect(await scrollsSideways(page), 'the group space at 200% zoom').toBe(false)
  await page.setViewportSize({ width: 1100, height: 900 })
}

describe('Hearth in other languages', () => {
  it('follows a Spanish system from the first run to a first post', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: 'es-ES' })
    await heading(page, ES.notice)
    expect(await pageLanguage(page)).toEqual({ lang: 'es', dir: 'ltr' })
    await firstRunToFirstPost(page, ES, { name: 'Círculo del martes', pseudonym: 'Sauce', post: 'Hoy fue un día tranquilo.' }, 'language-es')
    // Nothing chosen, nothing stored: the profile keeps following the system.
    const stored = await callFromPage(page, 'readPersonal', { name: 'settings' })
    expect(stored.ok && JSON.parse(stored.value.text ?? '{}').language).toBeUndefined()
    expectNoPageErrors(errors)
    await context.close()
  })

  it('lays Arabic out right to left when picked on the first screen, keeps it for the profile, and changes in Settings', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: 'en-US' })
    await heading(page, 'Before you start')
    expect(await pageLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' })
    await page.getByLabel('Language').selectOption('ar')
    await heading(page, AR.notice)
    expect(await pageLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' })
    // Right to left: quick exit sits at the top left, where the line ends.
    const exit = await page.getByRole('button', { name: 'خروج سريع' }).boundingBox()
    expect(exit && exit.x + exit.width).toBeLessThan(550)

    const post = 'شكرًا Wren على كلماتك (2) اليوم'
    await firstRunToFirstPost(page, AR, { name: 'Birch circle', pseudonym: 'Wren', post }, 'language-ar')
    const article = page.locator('article.post').filter({ hasText: post })
    // A Latin pseudonym and mixed words are isolated, so they cannot reorder the Arabic around them.
    expect(await article.locator('bdi').first().textContent()).toBe('Wren')
    expect(await article.locator('p.words').getAttribute('dir')).toBe('auto')

    // The pick made before the profile existed is now the profile's, in its sealed settings.
    const stored = await callFromPage(page, 'readPersonal', { name: 'settings' })
    expect(stored.ok && JSON.parse(stored.value.text ?? '{}').language).toBe('ar')
    // Settings shows the choice; changing it there applies at once and is kept.
    await page.getByRole('button', { name: 'العودة إلى مجموعاتك' }).click()
    await page.getByRole('button', { name: 'الإعدادات' }).click()
    await heading(page, 'الإعدادات')
    await scanBoth(page, 'settings')
    expect(await page.getByLabel('اللغة').inputValue()).toBe('ar')
    await page.getByLabel('اللغة').selectOption('es')
    await heading(page, 'Ajustes')
    expect(await pageLanguage(page)).toEqual({ lang: 'es', dir: 'ltr' })
    await expect.poll(async () => {
      const r = await callFromPage(page, 'readPersonal', { name: 'settings' })
      return r.ok && JSON.parse(r.value.text ?? '{}').language
    }).toBe('es')
    // Locking keeps the page's language: the unlock screen is read by the same person.
    await page.getByRole('button', { name: 'Volver a tus grupos' }).click()
    await page.getByRole('button', { name: 'Bloquear Hearth' }).click()
    await heading(page, 'Desbloquear Hearth')
    expect(await pageLanguage(page)).toEqual({ lang: 'es', dir: 'ltr' })
    await scanBoth(page, 'unlock')
    expectNoPageErrors(errors)
    await context.close()
  })
})
