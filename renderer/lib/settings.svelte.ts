/**
 * This profile's own settings, kept in the personal doc "settings": sealed with the profile's
 * keys, stored on this device only and never sent to a group. Read after unlocking; until then,
 * and whenever the stored text cannot be read, the safe defaults apply.
 */
import type { ApiError, HearthApi } from '../../core/api.ts'
import { isLanguageTag, type LanguageTag } from '../i18n/languages.ts'
import { locale } from '../i18n/locale.svelte.ts'
import { settle } from './call.ts'

/**
 * "private": a notification may say that something happened, never who or what.
 * "group-name": it may name the group, still never a member or their words.
 * The desktop app reads the same field (electron/notifier.ts).
 */
export type NotificationChoice = 'off' | 'private' | 'group-name'

export interface Settings {
  lockAfterMinutes: number
  notifications: NotificationChoice
  /** The screens' language; "system" (the default, and never written) follows navigator.languages. */
  language: LanguageTag | 'system'
}

export const LOCK_MIN_MINUTES = 1
export const LOCK_MAX_MINUTES = 240
export const DEFAULTS: Settings = { lockAfterMinutes: 5, notifications: 'private', language: 'system' }
const NAME = 'settings'

export function validLockMinutes(n: number): boolean {
  return Number.isInteger(n) && n >= LOCK_MIN_MINUTES && n <= LOCK_MAX_MINUTES
}

/** Whatever was stored, as settings: a field that is missing or out of range falls back to its default. */
export function parseSettings(text: string | null): Settings {
  let raw: Record<string, unknown> = {}
  try {
    const v: unknown = text ? JSON.parse(text) : {}
    if (v && typeof v === 'object' && !Array.isArray(v)) raw = v as Record<string, unknown>
  } catch {
    // A damaged doc must not lock anyone out of their settings: the defaults stand in.
  }
  const minutes = raw.lockAfterMinutes
  const n = raw.notifications
  const lang = raw.language
  return {
    lockAfterMinutes: typeof minutes === 'number' && validLockMinutes(minutes) ? minutes : DEFAULTS.lockAfterMinutes,
    notifications: n === 'off' || n === 'private' || n === 'group-name' ? n : DEFAULTS.notifications,
    language: isLanguageTag(lang) ? lang : DEFAULTS.language,
  }
}

/** The stored text: a language is written only once one is chosen, so older readers see what they knew. */
export function serializeSettings(s: Settings): string {
  const { language, ...rest } = s
  return JSON.stringify(language === 'system' ? rest : { ...rest, language })
}

export class SettingsController {
  current: Settings = $state.raw(DEFAULTS)
  loaded = $state(false)

  readonly #api: HearthApi | null

  constructor(api: HearthApi | null) {
    this.#api = api
  }

  async load(): Promise<void> {
    if (!this.#api) return
    const r = await settle(this.#api.readPersonal({ name: NAME }))
    this.current = parseSettings(r.ok ? r.value.text : null)
    this.loaded = true
  }

  async save(next: Settings): Promise<ApiError | null> {
    if (!this.#api) return null
    const r = await settle(this.#api.writePersonal({ name: NAME, text: serializeSettings(next) }))
    if (!r.ok) return r.error
    this.current = next
    return null
  }

  /**
   * After unlocking: a language stored for this profile wins; if none is, a language picked
   * before unlocking (first run, the unlock screen) becomes this profile's, sealed like the rest.
   */
  async adoptLanguage(): Promise<void> {
    if (!this.loaded) return
    if (this.current.language !== 'system') locale.choose(this.current.language)
    else if (locale.choice !== 'system') await this.save({ ...this.current, language: locale.choice })
  }

  /** Called on lock: the next person at the screen gets the defaults until they unlock. */
  reset(): void {
    this.current = DEFAULTS
    this.loaded = false
  }
}
