/** Moderation reasons, German (preview translation). */
import type { ReasonsKey } from '../en/reasons.ts'

export const reasonsDe: Record<ReasonsKey, string> = {
  'reasons.earlier': 'Regel {n} aus einer früheren Fassung der Gruppenregeln',
}
