/** Moderation reasons, Arabic (preview translation). */
import type { ReasonsKey } from '../en/reasons.ts'

export const reasonsAr: Record<ReasonsKey, string> = {
  'reasons.earlier': 'القاعدة {n} من نسخة سابقة من القواعد الأساسية',
}
