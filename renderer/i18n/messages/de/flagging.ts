/** Flagging a post, the reasons, and the notice on a hidden post, German (preview translation). */
import type { flaggingEn } from '../en/flagging.ts'

export const flaggingDe: Record<keyof typeof flaggingEn, string> = {
  'flag.label': 'Der Moderation melden',
  'flag.legend': 'Gegen welche Gruppenregel verstößt das?',
  'flag.hint': 'Die Moderation prüft es. Sobald {threshold, plural, one {# Mitglied es meldet} other {# verschiedene Mitglieder es melden}}, ist es für die Gruppe verborgen, bis sie es geprüft hat. Nur die Moderation sieht, wer gemeldet hat.',
  'flag.more': 'Möchtest du mehr sagen, oder fühlst du dich unsicher?',
  'flag.private': 'Privat an die Moderation schreiben',
  'flag.missing': 'Bitte wähle einen Grund.',
  'flag.busy': 'Wird gesendet…',
  'flag.submit': 'Melden',
  'flag.cancel': 'Abbrechen',
  'reason.rule': 'Regel {n}: <bdi>{rule}</bdi>',
  'reason.other': 'Etwas anderes, keine der Gruppenregeln',
  'reason.otherNoRules': 'Etwas anderes (diese Gruppe hat noch keine Gruppenregeln)',
  'hidden.label': 'Für die Gruppe verborgen',
  'hidden.byFlags': '<b>Für die Gruppe verborgen.</b> Mitglieder haben das gemeldet, deshalb siehst nur du es, bis die Moderation es prüft.',
  'hidden.byFacilitator': '<b>Für die Gruppe verborgen.</b> Die Moderation hat das verborgen, deshalb siehst nur du es.',
  'hidden.escalated': 'Die Moderation hat außerdem darum gebeten, eine Entfernung zu prüfen.',
  'hidden.why': 'Warum:',
  'hidden.flags': '<bdi>{reason}</bdi> ({count, plural, one {# Meldung} other {# Meldungen}})',
  'hidden.note': 'Notiz der Moderation: „<bdi>{note}</bdi>“',
  'hidden.edit': 'Du kannst es bearbeiten; die Moderation sieht, dass du es getan hast. Deine Worte werden nie von jemand anderem verändert.',
  'hidden.ask': 'Die Moderation dazu fragen',
}
