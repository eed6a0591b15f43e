/** This device's settings and the language picker, German (preview translation). */
import type { deviceSettingsEn } from '../en/device-settings.ts'

export const deviceSettingsDe: Record<keyof typeof deviceSettingsEn, string> = {
  'language.label': 'Sprache',
  'language.system': 'Wie auf diesem Computer ({name})',
  'language.preview': '{name} (Vorschau)',
  'language.help': 'Wird nur auf diesem Gerät gespeichert. Mit „Vorschau“ markierte Übersetzungen wurden noch nicht von muttersprachlichen Fachkräften geprüft.',
  'settings.back': 'Zurück zu deinen Gruppen',
  'settings.title': 'Einstellungen',
  'settings.form': 'Sperren und Benachrichtigungen',
  'settings.lockLabel': 'Hearth nach so vielen Minuten ohne Nutzung sperren',
  'settings.lockBad': 'Wähle eine ganze Zahl von Minuten zwischen {min} und {max}.',
  'settings.lockHelp': 'Wenn so lange nichts getippt, geklickt oder gescrollt wird, sperrt sich Hearth, und beim erneuten Öffnen wird deine Passphrase abgefragt. Kürzer ist sicherer an einem geteilten Computer.',
  'settings.notifications': 'Benachrichtigungen',
  'settings.notify.private': '<b>Etwas Neues</b>: nur „Etwas Neues in Hearth“. Keine Gruppe, keine Namen, keine Worte.',
  'settings.notify.groupName': '<b>Nur der Gruppenname</b>: „Etwas Neues in“ und der Name der Gruppe. Nie, wer oder was geschrieben hat.',
  'settings.notify.off': '<b>Aus</b>: nie eine Benachrichtigung zeigen.',
  'settings.notifyHelp': 'Die Desktop-App zeigt eine Benachrichtigung, wenn etwas Neues ankommt, während Hearth im Hintergrund ist, höchstens eine pro Gruppe, bis du nachsiehst. Eine Gruppe, bei der du gerade eine Pause machst, bleibt still. Alle in der Nähe deines Bildschirms können eine Benachrichtigung sehen, deshalb bleibt der Gruppenname weg, außer du wählst ihn.',
  'settings.saved': 'Gespeichert.',
  'settings.busy': 'Wird gespeichert…',
  'settings.submit': 'Einstellungen speichern',
}
