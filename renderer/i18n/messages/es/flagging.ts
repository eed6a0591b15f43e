/** Flagging a post, the reasons, and the notice on a hidden post, Spanish (preview translation). */
import type { flaggingEn } from '../en/flagging.ts'

export const flaggingEs: Record<keyof typeof flaggingEn, string> = {
  'flag.label': 'Señalar a quienes facilitan',
  'flag.legend': '¿Qué norma del grupo incumple esto?',
  'flag.hint': 'Quienes facilitan lo revisarán. Cuando {threshold, plural, one {# miembro lo señale} other {# miembros distintos lo señalen}}, quedará oculto para el grupo hasta la revisión. Solo quienes facilitan ven quién lo señaló.',
  'flag.more': '¿Quieres contar algo más o no te sientes a salvo?',
  'flag.private': 'Escribir en privado a quienes facilitan',
  'flag.missing': 'Elige un motivo.',
  'flag.busy': 'Enviando…',
  'flag.submit': 'Señalarlo',
  'flag.cancel': 'Cancelar',
  'reason.rule': 'Norma {n}: <bdi>{rule}</bdi>',
  'reason.other': 'Otra cosa, no una de las normas del grupo',
  'reason.otherNoRules': 'Otra cosa (este grupo todavía no tiene normas)',
  'hidden.label': 'Oculto para el grupo',
  'hidden.byFlags': '<b>Oculto para el grupo.</b> Algunos miembros lo señalaron, así que solo tú puedes verlo hasta que quien facilita lo revise.',
  'hidden.byFacilitator': '<b>Oculto para el grupo.</b> Quien facilita lo ocultó, así que solo tú puedes verlo.',
  'hidden.escalated': 'También han pedido que se valore retirarlo.',
  'hidden.why': 'Por qué:',
  'hidden.flags': '<bdi>{reason}</bdi> ({count, plural, one {# señal} other {# señales}})',
  'hidden.note': 'Su nota: «<bdi>{note}</bdi>»',
  'hidden.edit': 'Puedes editarlo; quienes facilitan verán que lo hiciste. Nadie más cambia nunca tus palabras.',
  'hidden.ask': 'Preguntar a quienes facilitan sobre esto',
}
