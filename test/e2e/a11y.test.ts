/**
 * An axe scan of every screen, in the light and the dark colour scheme: safety notice, create
 * profile, unlock, groups (empty, the create form, with a group), the group space with a warned
 * post (closed and open, with the reply form and the delete confirmation), ground rules (read
 * and edit), members, invites (the options, a new code with its QR code, the list, withdrawing),
 * joining with a code (with an error shown), and settings.
 */
import { describe, it } from 'vitest'
import { expectAccessible } from './support/axe.ts'
import { openPage } from './support/browser.ts'
import { createGroup, expectNoPageErrors, heading, PASSPHRASE, postWith, section, writePost } from './support/flows.ts'
import { useBrowser } from './support/session.ts'

const e2e = useBrowser()

describe('axe finds no WCAG 2 A or AA violation', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`on every screen, ${colorScheme} scheme`, async () => {
      const host = await e2e.host()
      const { context, page, errors } = await openPage(e2e.browser(), host.url, { colorScheme })
      const scan = (screen: string) => expectAccessible(page, `${screen} (${colorScheme})`)

      await heading(page, 'Before you start')
      await scan('safety notice')
      await page.getByRole('button', { name: 'I understand, continue' }).click()
      await heading(page, 'Choose a passphrase')
      await scan('create profile')
      // The form's own messages are part of the screen too.
      await page.getByRole('button', { name: 'Create my profile' }).click()
      await page.getByText('Use at least 8 characters.').first().waitFor()
      await scan('create profile with a problem shown')
      await onboardFromCreate()

      await scan('groups, none yet')
      await page.getByRole('button', { name: 'Start a new group' }).click()
      await scan('groups, create form')
      await page.getByRole('button', { name: 'Start the group' }).click()
      await page.getByText('Please give the group a name.').waitFor()
      await scan('groups, create form with a problem shown')
      await page.getByRole('button', { name: 'Cancel' }).click()

      await createGroup(page, 'Evening circle', 'Rowan')
      await writePost(page, 'Something happened at the weekend that I want to talk about.', { cw: 'mentions a threat' })
      await writePost(page, 'Checking in, doing alright today.')
      await scan('group space with a warned post, closed')
      const warned = postWith(page, 'mentions a threat')
      await warned.getByRole('button', { name: 'Show this post' }).click()
      await warned.getByRole('button', { name: 'I believe you' }).click()
      await warned.getByRole('button', { name: 'Reply' }).click()
      await scan('group space with a warned post, open, reply form')
      await warned.getByRole('button', { name: 'Cancel' }).click()
      await warned.getByRole('button', { name: 'Delete' }).click()
      await scan('group space, delete confirmation')
      await warned.getByRole('button', { name: 'Keep it' }).click()
      await warned.getByRole('button', { name: 'Edit' }).click()
      await scan('group space, editing a post')
      await warned.getByRole('button', { name: 'Cancel' }).click()

      await section(page, 'Ground rules')
      await scan('ground rules, none yet')
      await page.getByRole('button', { name: 'Write the ground rules' }).click()
      await scan('ground rules, editor')
      await page.getByLabel("The group's ground rules").fill('Be kind. What is said here stays here.')
      await page.getByRole('button', { name: 'Save the ground rules' }).click()
      await page.getByText('You have accepted these ground rules.').waitFor()
      await scan('ground rules, accepted')

      await page.getByRole('button', { name: 'Members' }).click()
      await page.getByRole('table', { name: 'Members of this group' }).waitFor()
      await scan('members')

      await section(page, 'Invites')
      await page.getByText('No invites yet.').waitFor()
      await scan('invites, none yet')
      await page.getByRole('button', { name: 'Make an invite' }).click()
      await scan('invites, the options')
      await page.getByLabel('How many people can join with it').fill('0')
      await page.getByRole('button', { name: 'Make the invite code' }).click()
      await page.getByText('Choose a number from 1 to 100.').waitFor()
      await scan('invites, the options with a problem shown')
      await page.getByLabel('How many people can join with it').fill('2')
      await page.getByRole('button', { name: 'Make the invite code' }).click()
      await page.getByRole('img', { name: 'QR code of the invite' }).waitFor()
      await scan('invites, a new code with its QR code')
      await page.getByRole('button', { name: 'Done, hide the code' }).click()
      await page.getByRole('button', { name: 'Withdraw…' }).click()
      await scan('invites, withdraw confirmation')
      await page.getByRole('button', { name: 'Withdraw the invite' }).click()
      await page.getByRole('article', { name: /withdrawn$/ }).waitFor()
      await scan('invites, one withdrawn')

      await page.getByRole('button', { name: 'Back to your groups' }).click()
      await page.getByRole('button', { name: 'Join a group with a code' }).click()
      await heading(page, 'Join a group')
      await scan('join')
      await page.getByRole('button', { name: 'Join the group' }).click()
      await page.getByText('Please paste or type the code first.').waitFor()
      await scan('join with a problem shown')
      await page.getByLabel('Invite code').fill('1HWX-5SM7-1P93-SC0Z')
      await page.getByLabel('Your name in this group').fill('Rowan')
      await page.getByRole('button', { name: 'Join the group' }).click()
      // This host runs without a network, so core answers at once, in plain words.
      await page.getByRole('alert').filter({ hasText: 'not connected to the network' }).waitFor()
      await scan('join with an error shown')
      await page.getByRole('button', { name: 'Back to your groups' }).click()

      await page.getByRole('button', { name: 'Settings' }).click()
      await heading(page, 'Settings')
      await scan('settings')
      await page.getByLabel('Lock Hearth after this many minutes without use').fill('')
      await page.getByRole('button', { name: 'Save settings' }).click()
      await page.getByText('Choose a whole number of minutes').waitFor()
      await scan('settings with a problem shown')
      await page.getByRole('button', { name: 'Back to your groups' }).click()
      await heading(page, 'Your groups')

      await page.getByRole('button', { name: 'Lock Hearth' }).click()
      await heading(page, 'Unlock Hearth')
      await scan('unlock')
      await page.getByLabel('Passphrase', { exact: true }).fill('wrong words entirely')
      await page.getByRole('button', { name: 'Unlock' }).click()
      await page.getByText('That passphrase did not open your profile').waitFor()
      await scan('unlock with a wrong passphrase')
      await page.getByRole('button', { name: 'Destroy profile…' }).click()
      await scan('unlock, destroy confirmation')

      expectNoPageErrors(errors)
      await context.close()

      async function onboardFromCreate(): Promise<void> {
        await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
        await page.getByLabel('Type it again').fill(PASSPHRASE)
        await page.getByRole('button', { name: 'Create my profile' }).click()
        await heading(page, 'Your groups')
      }
    })
  }
})

