/**
 * The words of a desktop notification, in the language the person reads Hearth in.
 *
 * The main process has no catalogue (the renderer's is bundled into the page, and the Electron
 * build compiles only electron/ and core/), so the two sentences a notification can say live
 * here, in every language the screens have. The language is the one the person chose, read from
 * the same sealed settings doc as the notification choice (field `language`, written by
 * renderer/lib/settings.svelte.ts); with none chosen it follows the system's preferred languages,
 * as the screens do. All but English are preview translations, like the screens', and each is the
 * sentence the Settings screen quotes in that language (`settings.notify.private`, `.groupName`).
 *
 * A group's name is the group's own words, often in another script: it is wrapped in Unicode
 * first-strong isolates (U+2068 … U+2069), the plain-text form of <bdi>, so a right-to-left name
 * cannot reorder the sentence around it.
 */
export type NoticeLanguage = 'en' | 'es' | 'fr' | 'ar' | 'de' | 'pl' | 'pt'

interface Words {
  /** Says only that something happened: no group, no name, no words. */
  neutral: string
  /** Names the group and nothing else; `{group}` is where its name goes. */
  inGroup: string
}

export const NOTICE_WORDS: Record<NoticeLanguage, Words> = {
  en: { neutral: 'Something new in Hearth', inGroup: 'Something new in {group}' },
  es: { neutral: 'Algo nuevo en Hearth', inGroup: 'Algo nuevo en {group}' },
  fr: { neutral: 'Du nouveau dans Hearth', inGroup: 'Du nouveau dans {group}' },
  ar: { neutral: 'شيء جديد في Hearth', inGroup: 'شيء جديد في {group}' },
  de: { neutral: 'Etwas Neues in Hearth', inGroup: 'Etwas Neues in {group}' },
  pl: { neutral: 'Coś nowego w Hearth', inGroup: 'Coś nowego w {group}' },
  pt: { neutral: 'Algo novo no Hearth', inGroup: 'Algo novo em {group}' },
}

const FSI = '\u2068'
const PDI = '\u2069'

function isNoticeLanguage(v: unknown): v is NoticeLanguage {
  return typeof v === 'string' && Object.hasOwn(NOTICE_WORDS, v)
}

/** The chosen language if it is one we have, else the first system language we have (by its primary subtag), else English. */
export function noticeLanguage(chosen: unknown, system: readonly string[]): NoticeLanguage {
  if (isNoticeLanguage(chosen)) return chosen
  for (const tag of system) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isNoticeLanguage(primary)) return primary
  }
  return 'en'
}

export function neutralBody(lang: NoticeLanguage): string {
  return NOTICE_WORDS[lang].neutral
}

/** The sentence naming the group, its name isolated; control characters in a name are dropped. */
export function groupBody(lang: NoticeLanguage, groupName: string): string {
  const clean = groupName.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
  return NOTICE_WORDS[lang].inGroup.replace('{group}', `${FSI}${clean}${PDI}`)
}
