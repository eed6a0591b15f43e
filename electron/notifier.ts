/**
 * Desktop notifications, from the main process, that give nothing away by default.
 *
 * What a notification may say is the person's choice in Settings (personal doc "settings",
 * field `notifications`, written by renderer/lib/settings.svelte.ts):
 *   off         never a notification;
 *   private     "Something new in Hearth" (the default): no group, no name, no words;
 *   group-name  "Something new in <group name>": the group's name and nothing else.
 * Never a member's name or anything they wrote, whatever the choice. The sentence is in the
 * language the person reads Hearth in (the same doc's `language`, else the system's): see
 * notice-words.ts.
 *
 * Quiet: while the window has focus (the person is looking), while the profile is locked (core
 * reports nothing then), and in a group where this member is stepping back. At most one
 * notification per group until the window is focused again, so a busy evening is one line.
 * The Electron Notification class is passed in (`show`), so unit tests use a double.
 */
import type { HearthApi } from '../core/api.ts'
import { groupBody, neutralBody, noticeLanguage } from './notice-words.ts'

export type NotificationChoice = 'off' | 'private' | 'group-name'

export const NEUTRAL_TITLE = 'Hearth'
export const NEUTRAL_BODY = neutralBody('en')

type Service = Pick<HearthApi, 'readPersonal' | 'members' | 'groupInfo' | 'on'>

export interface NotifierOptions {
  service: Service
  /** Whether the Hearth window has focus now. */
  isFocused: () => boolean
  /** Shows one notification; `onclick` brings the window back. */
  show: (note: { title: string; body: string }, onclick: () => void) => void
  onclick: () => void
  /** The system's preferred languages, for a person who has not chosen one (Electron: app.getPreferredSystemLanguages). */
  systemLanguages?: () => readonly string[]
}

function settingsField(text: string | null, field: string): unknown {
  try {
    const v: unknown = text ? JSON.parse(text) : null
    return v && typeof v === 'object' ? (v as Record<string, unknown>)[field] : undefined
  } catch {
    return undefined
  }
}

/** The choice from the stored settings text; anything unreadable → the neutral default. */
export function notificationChoiceOf(text: string | null): NotificationChoice {
  const n = settingsField(text, 'notifications')
  // A damaged settings doc falls back to the safe default, never to naming the group.
  return n === 'off' || n === 'private' || n === 'group-name' ? n : 'private'
}

export interface Notifier {
  /** The window got focus: the person has seen what is new, so each group may notify again. */
  focused(): void
  stop(): void
}

export function startNotifier(opts: NotifierOptions): Notifier {
  const notified = new Set<string>()

  async function consider(groupId: string): Promise<void> {
    if (opts.isFocused() || notified.has(groupId)) return
    // Claimed before the first await, so a burst of changes in one group is one notification.
    notified.add(groupId)
    let shown = false
    try {
      const settings = await opts.service.readPersonal({ name: 'settings' })
      const text = settings.ok ? settings.value.text : null
      const choice = notificationChoiceOf(text)
      if (choice === 'off') return
      const lang = noticeLanguage(settingsField(text, 'language'), opts.systemLanguages?.() ?? [])
      const members = await opts.service.members({ groupId })
      if (!members.ok) return
      if (members.value.find((m) => m.me)?.status === 'stepping-back') return
      let body = neutralBody(lang)
      if (choice === 'group-name') {
        const info = await opts.service.groupInfo({ groupId })
        if (info.ok) body = groupBody(lang, info.value.name)
      }
      if (opts.isFocused()) return
      opts.show({ title: NEUTRAL_TITLE, body }, opts.onclick)
      shown = true
    } finally {
      // Nothing shown (off, stepping back, a failed read): a later change may still notify.
      if (!shown) notified.delete(groupId)
    }
  }

  const off = opts.service.on('groupChanged', ({ groupId }) => {
    consider(groupId).catch(() => undefined)
  })
  const offLocked = opts.service.on('locked', () => notified.clear())

  return {
    focused: () => notified.clear(),
    stop: () => {
      off()
      offLocked()
    },
  }
}
