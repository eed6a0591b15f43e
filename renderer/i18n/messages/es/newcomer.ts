/** A newcomer's first page while the group's history arrives, Spanish (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerEs: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Te uniste hace poco y el historial del grupo todavía está llegando. Estas son sus publicaciones más recientes; las anteriores llegarán después.',
  'newcomer.waiting': 'Te uniste hace poco y las publicaciones del grupo todavía están llegando. Aparecerán aquí en cuanto las más recientes estén completas.',
  'newcomer.error.arriving': 'Te uniste hace poco y la historia del grupo todavía está llegando. Esto estará listo en cuanto haya llegado.',
  'newcomer.arriving.members': 'Te uniste hace poco y el historial del grupo todavía está llegando. Esta lista muestra el grupo hasta donde ha llegado: puede que aún aparezca alguien que ya no está en el grupo y que falten cambios de rol recientes.',
  'newcomer.arriving.decisions': 'Te uniste hace poco y el historial del grupo todavía está llegando. Puede que algunas decisiones y votos aún no aparezcan aquí; aparecerán en cuanto haya llegado.',
  'newcomer.arriving.other': 'Te uniste hace poco y el historial del grupo todavía está llegando. Lo que se ve aquí es solo lo que ha llegado hasta ahora y todavía puede cambiar.',
  'newcomer.arriving.removal': 'El historial del grupo todavía está llegando a este dispositivo: puede que esta persona ya se haya ido, o que otra persona ya la haya quitado, en una parte que aún no ha llegado.',
  'newcomer.waitingFor': '{count, plural, one {Todavía falta lo que escribió <bdi>{names}</bdi>. Llegará cuando <bdi>{names}</bdi>, o alguien que ya lo tenga, esté en línea.} other {Todavía falta lo que escribieron <bdi>{names}</bdi>. Llegará cuando alguna de esas personas, o alguien que ya lo tenga, esté en línea.}}',
  'newcomer.others': '{count, plural, one {# persona más} other {# personas más}}',
  'newcomer.waitingDevices': 'Todavía falta lo que se escribió en {count, plural, one {un dispositivo} other {# dispositivos}} del grupo. Llegará cuando alguien que lo tenga esté en línea.',
}
