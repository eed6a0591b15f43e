/** Moderation reasons, French (preview translation). */
import type { ReasonsKey } from '../en/reasons.ts'

export const reasonsFr: Record<ReasonsKey, string> = {
  'reasons.earlier': 'Règle {n} d’une version précédente des règles du groupe',
}
