/** Moderation reasons, Polish (preview translation). */
import type { ReasonsKey } from '../en/reasons.ts'

export const reasonsPl: Record<ReasonsKey, string> = {
  'reasons.earlier': 'Zasada {n} z wcześniejszej wersji zasad grupy',
}
