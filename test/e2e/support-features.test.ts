/**
 * Issue 8 in Chromium through the web host: every support feature on screen, with an axe scan
 * (WCAG 2 A/AA) of each, in the light scheme with the pointer and in the dark scheme with the
 * keyboard alone. The readable copies come as browser downloads, no path typed (and nothing of
 * them lands in the profile); a hotline link opens only after the note about browser history, through core's
 * opener (the web host reports what it was asked to open).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { listFiles, scanForCanaries } from '../helpers/canary.ts'
import { expectAccessible } from './support/axe.ts'
import { openPage } from './support/browser.ts'
import { createGroup, download, expectNoPageErrors, heading, onboard, section, type SectionName } from './support/flows.ts'
import { focused, tabTo } from './support/keyboard.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

async function sectionOf(page: Page, name: string): Promise<void> {
  await section(page, name as SectionName)
}
async function tool(page: Page, name: string, title: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await heading(page, title)
}
async function back(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to your groups' }).click()
  await heading(page, 'Your groups')
}

describe('support features in the app', () => {
  it('with the pointer, light scheme: each feature works and passes axe', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { colorScheme: 'light' })
    const scan = (s: string) => expectAccessible(page, `${s} (light)`)
    await onboard(page)
    await createGroup(page, 'Harbour circle', 'Wren')

    // Resources: the directory, a link through the opener after the history note.
    await sectionOf(page, 'Resources')
    await page.getByRole('heading', { name: 'Resources', level: 2 }).waitFor()
    await page.getByLabel('Kind of help').selectOption({ label: 'Legal aid' })
    await page.getByLabel('Name', { exact: true }).fill('Harbour law centre')
    await page.getByLabel('Web address (optional)').fill('http://plain.example')
    await page.getByRole('button', { name: 'Add to the directory' }).click()
    await page.getByText('A web address must start with https://').waitFor()
    await page.getByLabel('Web address (optional)').fill('https://law.example.org/help')
    await page.getByRole('button', { name: 'Add to the directory' }).click()
    await page.getByRole('heading', { name: /Harbour law centre/ }).waitFor()
    await page.getByRole('button', { name: 'Open the website of Harbour law centre' }).click()
    await page.getByText("Its history will show that you visited this site").waitFor()
    await scan('resources, link note')
    await page.getByRole('button', { name: 'Open the link' }).click()
    await page.getByText('Opened in your web browser.').waitFor()
    expect(host.child.stderr()).toContain('open link https://law.example.org/help')

    // Meetings: plan one, answer, save its calendar file.
    await sectionOf(page, 'Meetings')
    await page.getByText('No meetings planned yet.').waitFor()
    await page.getByLabel('Title').fill('Thursday evening')
    await page.getByRole('radio', { name: 'In person' }).check()
    await page.getByLabel('Starts').fill('2026-12-03T18:30')
    await page.getByLabel('Place').fill('Room 4, Harbour library')
    await page.getByLabel('Agenda (optional)').fill('Check-in round')
    await page.getByRole('button', { name: 'Save the meeting' }).click()
    await page.getByRole('heading', { name: 'Thursday evening' }).waitFor()
    await page.getByRole('button', { name: 'Coming', exact: true }).click()
    await page.getByText('1 coming (Wren)').waitFor()
    await page.getByRole('button', { name: /^Save to a calendar file/ }).click()
    await scan('meetings, calendar file form')
    const ics = await download(page, 'Download the readable copy')
    expect(ics.name).toBe('appointment.ics')
    expect(ics.text).toContain('LOCATION:Room 4\\, Harbour library')
    await page.getByRole('status').filter({ hasText: 'Your browser is saving appointment.ics' }).waitFor()

    // Care: stepping back, training shared, the debrief.
    await sectionOf(page, 'Care')
    await page.getByRole('button', { name: 'Step back for a while' }).click()
    await page.getByText('The group now sees that you are stepping back for a while.').waitFor()
    await page.getByLabel('Write to the other facilitators').fill('A heavy evening; I am fine.')
    await page.getByRole('button', { name: 'Write in the debrief' }).click()
    await page.getByText('A heavy evening; I am fine.').waitFor()
    await scan('care with the debrief')
    await page.getByRole('button', { name: 'I am back' }).click()
    await page.getByRole('button', { name: 'Step back for a while' }).waitFor()
    await back(page)

    // Personal tools.
    await tool(page, 'How are you today?', 'How are you today?')
    await page.getByRole('radio', { name: 'Low' }).check()
    await page.getByLabel('A few words (optional)').fill('tired but here')
    await page.getByRole('checkbox', { name: 'Harbour circle' }).check()
    await page.getByRole('button', { name: 'Check in' }).click()
    await page.getByText('shared with Harbour circle').waitFor()
    await scan('check-in')
    await back(page)

    await tool(page, 'My safety plan', 'My safety plan')
    await page.getByLabel('Safe places').fill('CANARY-e2e-plan-HEARTH at my aunt’s')
    await page.getByRole('button', { name: 'Save my plan' }).click()
    await page.getByText('Saved on this device.').waitFor()
    const plan = await download(page, 'Download the readable copy')
    expect(plan.name).toBe('safety-plan.txt')
    expect(plan.text).toContain('CANARY-e2e-plan-HEARTH')
    await scan('safety plan, copy downloaded')
    await back(page)

    await tool(page, 'Private journal', 'Private journal')
    await page.getByLabel('Date and time it happened').fill('2026-11-20T21:15')
    await page.getByLabel('What happened').fill('CANARY-e2e-journal-HEARTH at the door')
    await page.getByLabel('Witnesses (optional)').fill('the neighbour')
    await page.getByRole('button', { name: 'Save the entry' }).click()
    await page.getByRole('heading', { name: '2026-11-20 at 21:15' }).waitFor()
    await scan('journal with an entry')
    const record = await download(page, 'Download the readable copy')
    expect(record.name).toBe('incident-record.txt')
    // The copy's own words and dates follow the language on screen (English here), the time as typed.
    expect(record.text).toMatch(/1\. November 20, 2026 at 9:15\sPM[\s\S]*CANARY-e2e-journal-HEARTH/)
    await back(page)

    await tool(page, 'Training', 'Training')
    await page.getByRole('button', { name: 'Listening well' }).click()
    await page.getByRole('heading', { name: 'To reflect on' }).waitFor()
    await page.getByLabel('My notes (only on this device)').fill('I rush to fix things.')
    await page.getByRole('button', { name: 'Mark as completed' }).click()
    await page.getByText('1 of 6 completed.').waitFor()
    await scan('training, a module open')
    await back(page)

    await tool(page, 'Hotlines', 'Hotlines')
    await page.getByText('Hearth is not a crisis service.', { exact: false }).first().waitFor()
    await page.getByText('1-800-799-7233').waitFor()
    await scan('hotlines')

    // The readable copies went only to the browser; the profile holds none of it.
    expect(scanForCanaries([host.profileDir], ['CANARY-e2e-plan-HEARTH', 'CANARY-e2e-journal-HEARTH'])).toEqual([])
    expect(listFiles(host.profileDir).some((f) => f.endsWith('.txt'))).toBe(false)
    expectNoPageErrors(errors)
    await context.close()
  })

  it('with the keyboard alone, dark scheme: each feature is reachable and usable, and passes axe', async () => {
    const host = await e2e.host()
    const { context, page, errors } = await openPage(e2e.browser(), host.url, { colorScheme: 'dark' })
    const scan = (s: string) => expectAccessible(page, `${s} (dark)`)
    const kb = page.keyboard
    await onboard(page)
    await createGroup(page, 'Quiet circle', 'Ash')

    const sectionByKeys = async (name: string): Promise<void> => {
      await tabTo(page, name, 60)
      await kb.press('Enter')
      await page.getByRole('heading', { name, level: 2 }).waitFor()
    }
    await sectionByKeys('Resources')
    await tabTo(page, 'Name', 60)
    await kb.type('Quiet counselling')
    await tabTo(page, 'Add to the directory')
    await kb.press('Enter')
    await page.getByRole('heading', { name: /Quiet counselling/ }).waitFor()
    await scan('resources')

    await sectionByKeys('Meetings')
    await tabTo(page, 'Title', 60)
    await kb.type('Monday check-in')
    await tabTo(page, 'Starts')
    await kb.type('12012026')
    await kb.press('Tab')
    await kb.type('0630PM')
    await tabTo(page, 'Save the meeting')
    await kb.press('Enter')
    await page.getByRole('heading', { name: 'Monday check-in' }).waitFor()
    await tabTo(page, 'Maybe', 60)
    await kb.press('Enter')
    await page.getByText('0 coming, 1 maybe').waitFor()
    await scan('meetings')

    await sectionByKeys('Care')
    await tabTo(page, 'Step back for a while', 60)
    await kb.press('Enter')
    await page.getByText('The group now sees that you are stepping back for a while.').waitFor()
    await tabTo(page, 'Write to the other facilitators', 60)
    await kb.type('Debrief by keyboard.')
    await tabTo(page, 'Write in the debrief')
    await kb.press('Enter')
    await page.getByText('Debrief by keyboard.').waitFor()
    await scan('care')

    await tabTo(page, 'Back to your groups', 80)
    await kb.press('Enter')
    await heading(page, 'Your groups')
    const toolByKeys = async (name: string, title: string): Promise<void> => {
      await tabTo(page, name, 40)
      await kb.press('Enter')
      await heading(page, title)
    }

    await toolByKeys('How are you today?', 'How are you today?')
    await tabTo(page, 'Good')
    await kb.press('Space')
    await tabTo(page, 'Check in')
    await kb.press('Enter')
    await page.getByText('It is kept on this device only.').waitFor()
    await scan('check-in')
    await tabTo(page, 'Back to your groups', 60)
    await kb.press('Enter')

    await toolByKeys('My safety plan', 'My safety plan')
    await tabTo(page, 'Go-bag list')
    await kb.type('charger, papers')
    await tabTo(page, 'Save my plan')
    await kb.press('Enter')
    await page.getByText('Saved on this device.').waitFor()
    await scan('safety plan')
    await tabTo(page, 'Back to your groups', 60)
    await kb.press('Enter')

    await toolByKeys('Private journal', 'Private journal')
    await tabTo(page, 'Date and time it happened')
    await kb.type('11222026')
    await kb.press('Tab')
    await kb.type('0915AM')
    await tabTo(page, 'What happened')
    await kb.type('Typed by keyboard.')
    await tabTo(page, 'Save the entry')
    await kb.press('Enter')
    await page.getByRole('heading', { name: '2026-11-22 at 09:15' }).waitFor()
    await tabTo(page, 'Delete', 40)
    await kb.press('Enter')
    expect((await focused(page)).name).toBe('Yes, delete it')
    await scan('journal, delete confirmation')
    await kb.press('Enter')
    await page.getByText('No entries yet.').waitFor()
    await tabTo(page, 'Back to your groups', 60)
    await kb.press('Enter')

    await toolByKeys('Training', 'Training')
    await tabTo(page, 'How relationship abuse works')
    await kb.press('Enter')
    await page.getByRole('heading', { name: 'To reflect on' }).waitFor()
    await tabTo(page, 'Mark as completed', 40)
    await kb.press('Enter')
    await page.getByText('1 of 6 completed.').waitFor()
    await scan('training')
    await tabTo(page, 'Back to your groups', 80)
    await kb.press('Enter')

    await toolByKeys('Hotlines', 'Hotlines')
    await tabTo(page, 'Open the website of National Domestic Violence Hotline', 80)
    await kb.press('Enter')
    expect((await focused(page)).name).toBe('Open the link')
    await scan('hotlines, link note')
    await kb.press('Enter')
    await page.getByText('Opened in your web browser.').waitFor()
    expect(host.child.stderr()).toContain('open link https://www.thehotline.org/')

    expectNoPageErrors(errors)
    await context.close()
  })
})
