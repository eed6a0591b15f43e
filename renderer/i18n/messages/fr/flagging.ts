/** Flagging a post, the reasons, and the notice on a hidden post, French (preview translation). */
import type { flaggingEn } from '../en/flagging.ts'

export const flaggingFr: Record<keyof typeof flaggingEn, string> = {
  'flag.label': 'Signaler à l’animation',
  'flag.legend': 'Quelle règle du groupe cela enfreint-il ?',
  'flag.hint': 'L’animation va l’examiner. Dès que {threshold, plural, one {# membre le signale} other {# membres différents le signalent}}, il est masqué pour le groupe en attendant. Seule l’animation voit qui a signalé.',
  'flag.more': 'Vous voulez en dire plus, ou vous ne vous sentez pas en sécurité ?',
  'flag.private': 'Écrire en privé à l’animation',
  'flag.missing': 'Veuillez choisir un motif.',
  'flag.busy': 'Envoi…',
  'flag.submit': 'Le signaler',
  'flag.cancel': 'Annuler',
  'reason.rule': 'Règle {n} : <bdi>{rule}</bdi>',
  'reason.other': 'Autre chose, pas une des règles du groupe',
  'reason.otherNoRules': 'Autre chose (ce groupe n’a pas encore de règles)',
  'hidden.label': 'Masqué pour le groupe',
  'hidden.byFlags': '<b>Masqué pour le groupe.</b> Des membres l’ont signalé : vous seul·e pouvez le voir jusqu’à ce que l’animation l’examine.',
  'hidden.byFacilitator': '<b>Masqué pour le groupe.</b> Une personne qui anime l’a masqué : vous seul·e pouvez le voir.',
  'hidden.escalated': 'Il a aussi été demandé d’envisager son retrait.',
  'hidden.why': 'Pourquoi :',
  'hidden.flags': '<bdi>{reason}</bdi> ({count, plural, one {# signalement} other {# signalements}})',
  'hidden.note': 'Sa note : « <bdi>{note}</bdi> »',
  'hidden.edit': 'Vous pouvez le modifier ; l’animation verra que vous l’avez fait. Personne d’autre ne modifie jamais vos mots.',
  'hidden.ask': 'Interroger l’animation à ce sujet',
}
