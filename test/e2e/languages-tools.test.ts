/**
 * The group's tools in Arabic, in real Chromium: invites (a new code, its row, the setting of who
 * may invite), a decision proposed and voted on, a turn added to the rotation, and the export
 * panel's readable-file warning. Each screen reads right to left with no English words of its
 * own (the group's and the person's names, Hearth and format names aside), keeps the pseudonym
 * isolated, passes axe in light and dark, and does not scroll sideways at 800×600.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scanBoth } from './support/axe.ts'
import { openPage } from './support/browser.ts'
import { createGroup, expectNoPageErrors, heading, onboard } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

/** Words with a lower-case Latin run: English left in the screen (invite codes are upper case). */
const ALLOWED = new Set(['Hearth', 'Wren', 'Birch', 'circle', 'Markdown', 'Ctrl', 'Cmd'])
async function englishWords(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText()
  return [...text.matchAll(/[A-Za-z]*[a-z]{2,}[A-Za-z]*/g)].map((m) => m[0]).filter((w) => !ALLOWED.has(w))
}

async function sideways(page: Page): Promise<boolean> {
  await page.setViewportSize({ width: 800, height: 600 })
  const wide = await page.evaluate(() => {
    const html = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return html.scrollWidth > html.clientWidth
  })
  await page.setViewportSize({ width: 1100, height: 900 })
  return wide
}

async function open(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'أقسام المجموعة' })
  const target = nav.getByRole('button', { name: new RegExp(`^${name}`) })
  if (!(await target.isVisible())) await nav.getByRole('button', { name: /^المزيد/ }).click()
  await target.click()
  await page.getByRole('heading', { level: 2 }).first().waitFor()
}

async function checkScreen(page: Page, screen: string): Promise<void> {
  expect(await englishWords(page), screen).toEqual([])
  expect(await sideways(page), `${screen} at 800×600`).toBe(false)
  await scanBoth(page, screen)
}

describe('the group tools in Arabic', () => {
  it('invites, a decision, a turn and the export panel read right to left, in Arabic, axe clean', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { locale: 'en-US' })
    await onboard(page)
    await createGroup(page, 'Birch circle', 'Wren')
    await page.getByRole('button', { name: 'Back to your groups' }).click()
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Language').selectOption('ar')
    await heading(page, 'الإعدادات')
    await page.getByRole('button', { name: 'العودة إلى مجموعاتك' }).click()
    await page.getByRole('button', { name: /^Birch circle/ }).click()
    await heading(page, 'Birch circle')
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir)).toBe('rtl')

    // Invites: a new code, then its row; the setting saved in a whole Arabic sentence.
    await open(page, 'الدعوات')
    await page.getByRole('button', { name: 'إنشاء دعوة' }).click()
    await page.getByRole('button', { name: 'إنشاء رمز الدعوة' }).click()
    await page.getByRole('heading', { name: 'رمز الدعوة الجديد' }).waitFor()
    await checkScreen(page, 'invites, the new code')
    await page.getByRole('button', { name: 'تم، إخفاء الرمز' }).click()
    const row = page.getByRole('article', { name: /^دعوة من إنشاء Wren، تعمل الآن$/ })
    await row.waitFor()
    expect(await row.locator('bdi').first().textContent()).toBe('Wren')
    await page.getByRole('button', { name: 'حفظ اختيار من يمكنه الدعوة' }).click()
    await page.getByRole('status').filter({ hasText: /^حُفظ\. في هذه المجموعة/ }).waitFor()
    await checkScreen(page, 'invites, the list and the setting')

    // A decision: proposed with the default options in Arabic, then a vote.
    await open(page, 'القرارات')
    await page.getByRole('button', { name: 'اقتراح قرار' }).click()
    await page.getByLabel('السؤال').fill('هل ننتقل إلى يوم الخميس؟')
    expect(await page.getByLabel('الخيارات، خيار في كل سطر').inputValue()).toBe('نعم\nلا')
    await page.getByRole('button', { name: 'اقتراحه' }).click()
    const decision = page.getByRole('article', { name: 'هل ننتقل إلى يوم الخميس؟' })
    await decision.getByRole('radio', { name: 'نعم — لا أصوات' }).check()
    await decision.getByRole('button', { name: 'تصويت' }).click()
    await decision.getByRole('radio', { name: 'نعم — صوت واحد (صوتك)' }).waitFor()
    await checkScreen(page, 'decisions')

    // The rotation: a turn for me, shown with my name isolated.
    await open(page, 'من يرعى المساحة')
    await page.getByLabel('العضو', { exact: true }).selectOption({ label: 'Wren (أنت)' })
    await page.getByLabel('البداية', { exact: true }).fill('2030-01-07T18:00')
    await page.getByLabel('النهاية', { exact: true }).fill('2030-01-07T20:00')
    await page.getByRole('button', { name: 'إضافة الدور' }).click()
    await page.getByRole('status').filter({ hasText: 'أُضيف الدور.' }).waitFor()
    expect(await page.locator('tbody th bdi').allTextContents()).toEqual(['Wren'])
    await checkScreen(page, 'who holds the space')

    // Export: a readable file's warning, in bold where the Arabic puts it.
    await open(page, 'حفظ نسخة')
    await page.getByRole('radio', { name: /^صفحة ويب/ }).check()
    expect(await page.locator('#readable-warning strong').textContent()).toBe('كل من يفتح ملفًا مقروءًا يستطيع قراءته.')
    await checkScreen(page, 'export, a readable file')

    expectNoPageErrors(errors)
    await context.close()
  })
})
