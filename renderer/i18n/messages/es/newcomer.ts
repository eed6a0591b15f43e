/** A newcomer's first page while the group's history arrives, Spanish (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerEs: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Te uniste hace poco y el historial del grupo todavía está llegando. Estas son sus publicaciones más recientes; las anteriores llegarán después.',
  'newcomer.waiting': 'Te uniste hace poco y las publicaciones del grupo todavía están llegando. Aparecerán aquí en cuanto las más recientes estén completas.',
  'newcomer.error.arriving': 'Te uniste hace poco y la historia del grupo todavía está llegando. Esto estará listo en cuanto haya llegado.',
}
