/** Group settings with named choices, in German (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { settingsEn } from '../en/settings.ts'

export const settingsDe: Record<keyof typeof settingsEn, string> = {
  'groupChoice.busy': 'Wird gespeichert…',
  'groupChoice.saved': 'Gespeichert.',
  'groupSetting.invite.membersApproved': 'Mitglieder, mit Zustimmung der Moderation',
  'groupSetting.invite.membersApprovedHelp': 'Alle dürfen einladen; jede neue Person wartet, bis die Moderation sie hereinlässt. Die sichere Voreinstellung.',
  'groupSetting.invite.facilitators': 'Nur die Moderation',
  'groupSetting.invite.facilitatorsHelp': 'Nur die Moderation erstellt Einladungen.',
  'groupSetting.invite.members': 'Jedes Mitglied',
  'groupSetting.invite.membersHelp': 'Die Einladung jedes Mitglieds lässt Menschen direkt herein. Offen, und leichter für jemanden, der nicht willkommen ist.',
  'groupSetting.export.facilitators': 'Nur die Moderation',
  'groupSetting.export.facilitatorsHelp': 'Mitglieder speichern nur ihre eigenen Worte. Die übliche Gruppenregel: Was hier gesagt wird, bleibt hier.',
  'groupSetting.export.members': 'Jedes Mitglied',
  'groupSetting.export.membersHelp': 'Jedes Mitglied darf die Worte aller als lesbare Datei speichern.',
  'groupSetting.export.sentenceMembers': 'In dieser Gruppe darf jedes Mitglied die Worte aller als lesbare Datei speichern. Jedes Mal können alle Mitglieder sehen, dass es geschehen ist.',
  'groupSetting.export.sentenceFacilitators': 'In dieser Gruppe speichert nur die Moderation die Worte aller als lesbare Datei; jedes Mal können alle Mitglieder sehen, dass es geschehen ist. Deine eigenen Worte kannst du immer speichern.',
}
