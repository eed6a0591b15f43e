/** Moderation reasons, Brazilian Portuguese (preview translation). */
import type { ReasonsKey } from '../en/reasons.ts'

export const reasonsPt: Record<ReasonsKey, string> = {
  'reasons.earlier': 'Combinado {n} de uma versão anterior dos combinados',
}
