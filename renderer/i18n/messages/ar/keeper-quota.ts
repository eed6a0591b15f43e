/** The keeper's quota, Arabic, right to left (preview translation). */
import type { keeperQuotaEn } from '../en/keeper-quota.ts'

export const keeperQuotaAr: Record<keyof typeof keeperQuotaEn, string> = {
  'keeperQuota.full': 'الحارس ممتلئ. لم يعد يقبل أي شيء جديد من هذه المجموعة، لذا فما يُكتب من الآن لا يمر عبره. ما يحتفظ به بالفعل يبقى محفوظًا. اطلبوا مساحة أكبر من الشخص الذي يشغّله.',
}
