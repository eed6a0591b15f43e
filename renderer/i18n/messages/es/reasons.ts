/** Moderation reasons, Spanish (preview translation). */
import type { ReasonsKey } from '../en/reasons.ts'

export const reasonsEs: Record<ReasonsKey, string> = {
  'reasons.earlier': 'Norma {n} de una versión anterior de las normas del grupo',
}
