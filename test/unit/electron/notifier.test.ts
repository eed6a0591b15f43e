/**
 * Desktop notifications (electron/notifier.ts) against a test double of the service and of
 * Electron's Notification: what they say for each choice, and when they stay quiet.
 */
import { describe, expect, it } from 'vitest'
import type { ApiEvents, EventName, MemberStatus } from '../../../core/api.ts'
import { NOTICE_WORDS, groupBody, noticeLanguage } from '../../../electron/notice-words.ts'
import { NEUTRAL_BODY, notificationChoiceOf, startNotifier } from '../../../electron/notifier.ts'

const GROUP = 'a'.repeat(32)
const SECRET_NAME = 'Tuesday survivors circle'

function setup(opts: { settings?: string | null; status?: MemberStatus; focused?: boolean; system?: string[]; groupName?: string } = {}) {
  const handlers = new Map<EventName, ((p: unknown) => void)[]>()
  const shown: { title: string; body: string }[] = []
  const state = { focused: opts.focused ?? false, settings: opts.settings ?? null, status: opts.status ?? ('active' as MemberStatus) }
  const service = {
    readPersonal: async () => ({ ok: true as const, value: { name: 'settings', text: state.settings } }),
    members: async () => ({ ok: true as const, value: [
      { id: 'me', pseudonym: 'Ash', role: 'member' as const, status: state.status, me: true, acceptedRules: 1 },
      { id: 'other', pseudonym: 'Birch', role: 'facilitator' as const, status: 'active' as const, me: false, acceptedRules: 1 },
    ] }),
    groupInfo: async () => ({ ok: true as const, value: { name: opts.groupName ?? SECRET_NAME } }),
    on<E extends EventName>(event: E, handler: (p: ApiEvents[E]) => void) {
      const list = handlers.get(event) ?? []
      list.push(handler as (p: unknown) => void)
      handlers.set(event, list)
      return () => handlers.set(event, (handlers.get(event) ?? []).filter((h) => h !== handler))
    },
  }
  let clicked = 0
  const notifier = startNotifier({
    service: service as never,
    isFocused: () => state.focused,
    show: (n) => shown.push(n),
    onclick: () => clicked++,
    ...(opts.system ? { systemLanguages: () => opts.system! } : {}),
  })
  const fire = async (event: EventName, payload: unknown): Promise<void> => {
    for (const h of handlers.get(event) ?? []) h(payload)
    // Let the reads (each one awaited promise) settle.
    for (let i = 0; i < 10; i++) await Promise.resolve()
  }
  return { notifier, shown, state, fire, handlers, clicks: () => clicked }
}

describe('notifications from the desktop app', () => {
  it('by default says only "Something new in Hearth": no group, no name, no words', async () => {
    const t = setup()
    await t.fire('groupChanged', { groupId: GROUP })
    expect(t.shown).toEqual([{ title: 'Hearth', body: NEUTRAL_BODY }])
    expect(JSON.stringify(t.shown)).not.toContain('Tuesday')
    expect(JSON.stringify(t.shown)).not.toContain('Birch')
  })

  it('names the group, and nothing else, only when the person chose that', async () => {
    const t = setup({ settings: JSON.stringify({ notifications: 'group-name' }) })
    await t.fire('groupChanged', { groupId: GROUP })
    expect(t.shown).toEqual([{ title: 'Hearth', body: `Something new in \u2068${SECRET_NAME}\u2069` }])
  })

  it('shows nothing when off, while the window has focus, or while stepping back', async () => {
    const off = setup({ settings: JSON.stringify({ notifications: 'off' }) })
    await off.fire('groupChanged', { groupId: GROUP })
    expect(off.shown).toEqual([])

    const looking = setup({ focused: true })
    await looking.fire('groupChanged', { groupId: GROUP })
    expect(looking.shown).toEqual([])

    const away = setup({ status: 'stepping-back' })
    await away.fire('groupChanged', { groupId: GROUP })
    expect(away.shown).toEqual([])
    // Coming back from stepping back: the next change notifies again.
    away.state.status = 'active'
    await away.fire('groupChanged', { groupId: GROUP })
    expect(away.shown).toHaveLength(1)
  })

  it('is one notification per group until the window is focused again, and none after stop', async () => {
    const t = setup()
    await t.fire('groupChanged', { groupId: GROUP })
    await t.fire('groupChanged', { groupId: GROUP })
    await t.fire('groupChanged', { groupId: 'b'.repeat(32) })
    expect(t.shown).toHaveLength(2)
    t.notifier.focused()
    await t.fire('groupChanged', { groupId: GROUP })
    expect(t.shown).toHaveLength(3)
    t.notifier.stop()
    t.notifier.focused()
    await t.fire('groupChanged', { groupId: GROUP })
    expect(t.shown).toHaveLength(3)
  })

  it('reads a damaged or unknown setting as the neutral default, never as naming the group', () => {
    expect(notificationChoiceOf(null)).toBe('private')
    expect(notificationChoiceOf('{not json')).toBe('private')
    expect(notificationChoiceOf(JSON.stringify({ notifications: 'everything' }))).toBe('private')
    expect(notificationChoiceOf(JSON.stringify({ notifications: 'off' }))).toBe('off')
    expect(notificationChoiceOf(JSON.stringify({ notifications: 'group-name' }))).toBe('group-name')
  })
})

describe('the language of a notification', () => {
  const said = async (opts: Parameters<typeof setup>[0]): Promise<string> => {
    const t = setup(opts)
    await t.fire('groupChanged', { groupId: GROUP })
    expect(t.shown).toHaveLength(1)
    return t.shown[0]!.body
  }

  it('speaks the language the person chose for Hearth, kept in the same sealed settings', async () => {
    expect(await said({ settings: JSON.stringify({ language: 'es' }), system: ['de-DE'] })).toBe('Algo nuevo en Hearth')
    expect(await said({ settings: JSON.stringify({ notifications: 'group-name', language: 'fr' }) })).toBe(`Du nouveau dans \u2068${SECRET_NAME}\u2069`)
  })

  it('follows the system when none is chosen, and falls back to English', async () => {
    expect(await said({ system: ['pt-BR', 'en-US'] })).toBe('Algo novo no Hearth')
    expect(await said({ system: ['ja-JP'] })).toBe(NEUTRAL_BODY)
    expect(await said({ settings: JSON.stringify({ language: 'xx' }), system: ['pl-PL'] })).toBe('Coś nowego w Hearth')
    expect(await said({ settings: '{not json' })).toBe(NEUTRAL_BODY)
  })

  it('isolates a group name in another script, and a name cannot smuggle in its own direction marks', async () => {
    const body = await said({ settings: JSON.stringify({ notifications: 'group-name', language: 'ar' }), groupName: 'Tuesday \u202eevil\u202c' })
    expect(body).toBe('شيء جديد في \u2068Tuesday evil\u2069')
    expect(groupBody('en', 'دائرة الثلاثاء')).toBe('Something new in \u2068دائرة الثلاثاء\u2069')
    expect(groupBody('en', 'A\u2069B\nC')).toBe('Something new in \u2068ABC\u2069')
  })

  it('never names anyone or anything written, in any language', async () => {
    for (const lang of Object.keys(NOTICE_WORDS)) {
      const body = await said({ settings: JSON.stringify({ language: lang }) })
      expect(body).toBe(NOTICE_WORDS[lang as keyof typeof NOTICE_WORDS].neutral)
      expect(body).not.toContain('Tuesday')
      expect(body).not.toContain('Birch')
    }
  })

  it('matches a system language by its primary subtag, and accepts only the languages it has', () => {
    expect(noticeLanguage(undefined, ['AR-eg'])).toBe('ar')
    expect(noticeLanguage('system', ['de-AT'])).toBe('de')
    for (const bad of ['__proto__', 'constructor', 'EN', 3, null]) expect(noticeLanguage(bad, []), String(bad)).toBe('en')
  })
})
