/** The ground-rules editor's own words, in German (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { rulesEn } from '../en/rules.ts'

export const rulesDe: Record<keyof typeof rulesEn, string> = {
  'rulesEditor.template': 'Mit einer Vorlage beginnen (freiwillig)',
  'rulesEditor.chooseTemplate': 'Vorlage wählen…',
  'rulesEditor.useTemplate': 'Diese Vorlage nehmen',
  'rulesEditor.templateHelp': 'Aus der Praxis der Peer-Unterstützung. Sie ersetzt, was im Feld unten steht; ändere vor dem Speichern, was du möchtest.',
  'rulesEditor.label': 'Die Gruppenregeln',
  'rulesEditor.help': 'Eine Regel pro Zeile; beim Anzeigen werden sie nummeriert, damit eine Meldung „Regel 3“ nennen kann. Mitglieder lesen und bestätigen sie, bevor sie schreiben. Wenn du eine Änderung speicherst, werden alle Mitglieder gebeten, die neue Fassung zu bestätigen.',
  'rulesEditor.empty': 'Bitte schreib zuerst die Regeln.',
  'rulesEditor.busy': 'Wird gespeichert…',
  'rulesEditor.submit': 'Gruppenregeln speichern',
  'rulesEditor.cancel': 'Abbrechen',
}
