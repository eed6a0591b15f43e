/**
 * Hearth in Spanish and in Arabic, in real Chromium: the first run to a first post, with axe
 * scans in light and dark at each screen. Spanish comes from the system language alone; Arabic
 * is picked on the safety notice by a person whose system is English, lays out right to left,
 * keeps a Latin pseudonym and a mixed post isolated, and is kept in the profile's sealed settings;
 * Settings changes it at once and keeps the new choice, which the unlock screen keeps after
 * locking. At 800×600 and at 200% zoom (400×300) the group space does not scroll sideways.
 *
 * German, the longest of the languages, runs the same first run with axe, and every main screen
 * (safety notice, create profile, groups with the create form, the group space, settings, unlock)
 * is checked for sideways scrolling at 800×600 and 200% zoom; French, Polish and Portuguese run the
 * same screens through that check. Portuguese comes from a pt-BR system, the variety it is written in.
 * Spanish and Arabic (from an ar-EG system, right to left) go through every main screen as well,
 * axe-clean in light and dark.
 * The German group's name is one 34-letter word, as German makes them: without the theme's
 * `overflow-wrap` the group space scrolls sideways at 200% zoom.
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

const DE: Words = {
  notice: 'Bevor du anfängst', continue: 'Verstanden, weiter', create: 'Wähle eine Passphrase',
  passphrase: 'Passphrase', again: 'Noch einmal eingeben', createProfile: 'Mein Profil erstellen', groups: 'Deine Gruppen',
  startGroup: 'Neue Gruppe gründen', groupName: 'Name der Gruppe', survivorLed: /^Von Betroffenen geleitet/,
  pseudonym: 'Dein Name in dieser Gruppe', startTheGroup: 'Gruppe gründen', writePost: 'Beitrag schreiben',
  yourPost: 'Dein Beitrag', post: 'Veröffentlichen', shared: 'Dein Beitrag wurde mit der Gruppe geteilt.',
}

const FR: Words = {
  notice: 'Avant de commencer', continue: 'J’ai compris, continuer', create: 'Choisissez une phrase secrète',
  passphrase: 'Phrase secrète', again: 'Retapez-la', createProfile: 'Créer mon profil', groups: 'Vos groupes',
  startGroup: 'Créer un nouveau groupe', groupName: 'Nom du groupe', survivorLed: /^Animé par des survivant·es/,
  pseudonym: 'Votre nom dans ce groupe', startTheGroup: 'Créer le groupe', writePost: 'Écrire une publication',
  yourPost: 'Votre publication', post: 'Publier', shared: 'Votre publication a été partagée avec le groupe.',
}

const PL: Words = {
  notice: 'Zanim zaczniesz', continue: 'Rozumiem, dalej', create: 'Wybierz hasło',
  passphrase: 'Hasło', again: 'Wpisz je ponownie', createProfile: 'Utwórz mój profil', groups: 'Twoje grupy',
  startGroup: 'Załóż nową grupę', groupName: 'Nazwa grupy', survivorLed: /^Prowadzona przez osoby z doświadczeniem przemocy/,
  pseudonym: 'Twoje imię w tej grupie', startTheGroup: 'Załóż grupę', writePost: 'Napisz wpis',
  yourPost: 'Twój wpis', post: 'Opublikuj', shared: 'Twój wpis trafił do grupy.',
}

const PT: Words = {
  notice: 'Antes de começar', continue: 'Entendi, continuar', create: 'Escolha uma frase-senha',
  passphrase: 'Frase-senha', again: 'Digite de novo', createProfile: 'Criar meu perfil', groups: 'Seus grupos',
  startGroup: 'Criar um grupo novo', groupName: 'Nome do grupo', survivorLed: /^Conduzido por sobreviventes/,
  pseudonym: 'Seu nome neste grupo', startTheGroup: 'Criar o grupo', writePost: 'Escrever uma publicação',
  yourPost: 'Sua publicação', post: 'Publicar', shared: 'Sua publicação foi compartilhada com o grupo.',
}

/** The words that lead to the members, the More menu, settings and the unlock screen. */
interface Screens {
  nav: string
  members: string
  more: string
  back: string
  settings: string
  lock: string
  unlock: string
}

const SCREENS: Record<'es' | 'ar' | 'de' | 'fr' | 'pl' | 'pt', Screens> = {
  es: { nav: 'Secciones del grupo', members: 'Miembros', more: 'Más', back: 'Volver a tus grupos', settings: 'Ajustes', lock: 'Bloquear Hearth', unlock: 'Desbloquear Hearth' },
  ar: { nav: 'أقسام المجموعة', members: 'الأعضاء', more: 'المزيد', back: 'العودة إلى مجموعاتك', settings: 'الإعدادات', lock: 'قفل Hearth', unlock: 'فتح Hearth' },
  fr: { nav: 'Sections du groupe', members: 'Membres', more: 'Plus', back: 'Retour à vos groupes', settings: 'Réglages', lock: 'Verrouiller Hearth', unlock: 'Déverrouiller Hearth' },
  de: { nav: 'Bereiche der Gruppe', members: 'Mitglieder', more: 'Mehr', back: 'Zurück zu deinen Gruppen', settings: 'Einstellungen', lock: 'Hearth sperren', unlock: 'Hearth entsperren' },
  pl: { nav: 'Części grupy', members: 'Osoby w grupie', more: 'Więcej', back: 'Wróć do swoich grup', settings: 'Ustawienia', lock: 'Zablokuj Hearth', unlock: 'Odblokuj Hearth' },
  pt: { nav: 'Seções do grupo', members: 'Membros', more: 'Mais', back: 'Voltar aos seus grupos', settings: 'Configurações', lock: 'Bloquear o Hearth', unlock: 'Desbloquear o Hearth' },
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

/**
 * Words that do not fit where they are, even when the page itself does not scroll: an element
 * whose content is wider than its box (a long word clipped or spilling over its neighbour), or
 * one that reaches past the window's inline edges. Form fields scroll their own text, a wide
 * table scrolls inside its own box (a scroll container, as WCAG's reflow rule allows for tables),
 * and screen-reader-only text (the skip link until it has focus) is clipped on purpose, so none
 * of those counts.
 */
const SPILLS = `(() => {
  // Inside a scroll container, or clipped to nothing on purpose (text for screen readers only).
  const exempt = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e)
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') return true
      if (style.clip !== 'auto' || style.clipPath !== 'none') return true
    }
    return false
  }
  const out = []
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('input, textarea, select, svg') || el.clientWidth <= 1 || exempt(el)) continue
    const box = el.getBoundingClientRect()
    if (box.width === 0 || getComputedStyle(el).visibility === 'hidden') continue
    const spills = el.scrollWidth > el.clientWidth + 1
    const outside = box.left < -1 || box.right > document.documentElement.clientWidth + 1
    if (spills || outside) out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ': ' + (el.textContent || '').trim().slice(0, 40))
  }
  return out
})()`

/**
 * The screen fits an 800×600 window and the same window at 200% zoom (400×300 CSS pixels)
 * without scrolling sideways or words spilling out of their boxes; the window is put back as it was.
 */
async function fits(page: Page, screen: string): Promise<void> {
  const before = page.viewportSize()
  for (const [width, height, as] of [[800, 600, '800×600'], [400, 300, '200% zoom']] as const) {
    await page.setViewportSize({ width, height })
    expect(await scrollsSideways(page), `${screen} at ${as}`).toBe(false)
    expect(await page.evaluate<string[]>(SPILLS), `${screen} at ${as}: words that do not fit`).toEqual([])
  }
  if (before) await page.setViewportSize(before)
}

/**
 * The post's date is written the way the page's language writes dates (Intl in that language),
 * which is not the browser's own when the language was picked rather than taken from the system.
 */
async function postDateInPageLanguage(page: Page, words: string): Promise<void> {
  const time = page.locator('article.post').filter({ hasText: words }).locator('time').first()
  const [iso, shown, { lang }] = [await time.getAttribute('datetime'), await time.textContent(), await pageLanguage(page)]
  const expected = await page.evaluate(([tag, at]) => {
    const browser = (globalThis as unknown as { navigator: { language: string } }).navigator.language
    const f = (t: string) => new Intl.DateTimeFormat(t, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at))
    return { inLanguage: f(tag), browser: f(browser), sameLanguage: browser.split('-')[0] === tag }
  }, [lang, iso ?? ''] as const)
  expect(shown).toBe(expected.inLanguage)
  // Arabic picked on an English system: the date is not the browser's English one.
  if (!expected.sameLanguage) expect(shown).not.toBe(expected.browser)
}

async function firstRunToFirstPost(
  page: Page,
  w: Words,
  group: { name: string; pseudonym: string; post: string },
  shot: string | null,
  { axe = true }: { axe?: boolean } = {},
): Promise<void> {
  const scan = (screen: string): Promise<void> => (axe ? scanBoth(page, screen) : Promise.resolve())
  await scan('safety notice')
  await fits(page, 'the safety notice')
  await page.getByRole('button', { name: w.continue }).click()
  await heading(page, w.create)
  await scan('create profile')
  await fits(page, 'create profile')
  await page.getByLabel(w.passphrase, { exact: true }).fill(PASSPHRASE)
  await page.getByLabel(w.again, { exact: true }).fill(PASSPHRASE)
  await page.getByRole('button', { name: w.createProfile }).click()
  await heading(page, w.groups)
  await fits(page, 'the groups screen')
  await page.getByRole('button', { name: w.startGroup }).click()
  await page.getByLabel(w.groupName).fill(group.name)
  await page.getByRole('radio', { name: w.survivorLed }).check()
  await page.getByLabel(w.pseudonym).fill(group.pseudonym)
  await scan('groups, create form')
  await fits(page, 'the create-group form')
  // Exact: in German "Gruppe gründen" is also part of "Neue Gruppe gründen".
  await page.getByRole('button', { name: w.startTheGroup, exact: true }).click()
  await heading(page, group.name)
  await page.getByRole('button', { name: w.writePost }).click()
  await page.getByLabel(w.yourPost).fill(group.post)
  await page.getByRole('button', { name: w.post, exact: true }).click()
  await page.getByRole('status').filter({ hasText: w.shared }).waitFor()
  await page.locator('article.post').filter({ hasText: group.post }).waitFor()
  await postDateInPageLanguage(page, group.post)
  await scan('group space with the first post')
  if (SHOTS && shot) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `${shot}-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await fits(page, 'the group space')
}

/**
 * From the group space to its members (a table) and its More menu, then to settings, then locked
 * to the unlock screen: each fits, and is axe-clean when asked.
 */
async function mainScreensFit(page: Page, s: Screens, { axe }: { axe: boolean }): Promise<void> {
  const nav = page.getByRole('navigation', { name: s.nav })
  await nav.getByRole('button', { name: new RegExp(`^${s.members}`) }).click()
  await page.getByRole('heading', { level: 2, name: s.members }).waitFor()
  if (axe) await scanBoth(page, 'members')
  await fits(page, 'the members')
  await nav.getByRole('button', { name: new RegExp(`^${s.more}`) }).click()
  await fits(page, 'the More menu, open')
  await nav.getByRole('button', { name: new RegExp(`^${s.more}`) }).click()
  await page.getByRole('button', { name: s.back }).click()
  await page.getByRole('button', { name: s.settings }).click()
  await heading(page, s.settings)
  if (axe) await scanBoth(page, 'settings')
  await fits(page, 'settings')
  await page.getByRole('button', { name: s.back }).click()
  await page.getByRole('button', { name: s.lock }).click()
  await heading(page, s.unlock)
  if (axe) await scanBoth(page, 'unlock')
  await fits(page, 'the unlock screen')
}

describe('Hearth in other languages', () => {
  it('follows a Spanish system from the first run to a first post, and every main screen fits at 800×600 and 200% zoom', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: 'es-ES' })
    await heading(page, ES.notice)
    expect(await pageLanguage(page)).toEqual({ lang: 'es', dir: 'ltr' })
    await firstRunToFirstPost(page, ES, { name: 'Círculo del martes', pseudonym: 'Sauce', post: 'Hoy fue un día tranquilo.' }, 'language-es')
    // Nothing chosen, nothing stored: the profile keeps following the system.
    const stored = await callFromPage(page, 'readPersonal', { name: 'settings' })
    expect(stored.ok && JSON.parse(stored.value.text ?? '{}').language).toBeUndefined()
    await mainScreensFit(page, SCREENS.es, { axe: true })
    expectNoPageErrors(errors)
    await context.close()
  })

  it('follows a German system from the first run to a first post, axe-clean, every main screen fitting at 800×600 and 200% zoom', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: 'de-DE' })
    await heading(page, DE.notice)
    expect(await pageLanguage(page)).toEqual({ lang: 'de', dir: 'ltr' })
    await firstRunToFirstPost(page, DE, { name: 'Dienstagsselbsthilfegruppentreffen', pseudonym: 'Weide', post: 'Heute war ein ruhiger Tag.' }, 'language-de')
    await mainScreensFit(page, SCREENS.de, { axe: true })
    expectNoPageErrors(errors)
    await context.close()
  })

  it.each([
    { tag: 'fr', system: 'fr-FR', dir: 'ltr', axe: false, w: FR, group: { name: 'Cercle du mardi', pseudonym: 'Saule', post: 'Aujourd’hui a été une journée calme.' } },
    { tag: 'pl', system: 'pl-PL', dir: 'ltr', axe: false, w: PL, group: { name: 'Krąg wtorkowy', pseudonym: 'Wierzba', post: 'Dziś był spokojny dzień.' } },
    { tag: 'pt', system: 'pt-BR', dir: 'ltr', axe: false, w: PT, group: { name: 'Roda de terça', pseudonym: 'Salgueiro', post: 'Hoje foi um dia tranquilo.' } },
    // Arabic from the system too, right to left, the members, settings and unlock screens axe-clean (the first run is scanned below).
    { tag: 'ar', system: 'ar-EG', dir: 'rtl', axe: true, w: AR, group: { name: 'حلقة الثلاثاء', pseudonym: 'صفصاف', post: 'كان اليوم هادئًا.' } },
  ] as const)('follows a system set to $system, and every main screen fits at 800×600 and 200% zoom', async ({ tag, system, dir, axe, w, group }) => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: system })
    await heading(page, w.notice)
    expect(await pageLanguage(page)).toEqual({ lang: tag, dir })
    await firstRunToFirstPost(page, w, group, null, { axe: false })
    await mainScreensFit(page, SCREENS[tag], { axe })
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
