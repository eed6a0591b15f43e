/** العربية (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { hearingEn } from '../en/hearing.ts'

export const hearingAr: Record<keyof typeof hearingEn, string> = {
  'hearing.notHeard': 'لم يصل منه شيء منذ بضع ثوانٍ: <bdi>{names}</bdi>. ربما يكون حاسوبه في وضع السكون أو مشغولًا. ما زال متصلًا؛ لا يضيع شيء.',
}
