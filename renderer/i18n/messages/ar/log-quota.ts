/** جهاز بلغ حدّ المجموعة (issue 14)، العربية (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { logQuotaEn } from '../en/log-quota.ts'

export const logQuotaAr: Record<keyof typeof logQuotaEn, string> = {
  'logQuota.title': 'أجهزة بلغت حدّ المجموعة',
  'logQuota.intro': 'لكل جهاز قدر محدود يمكنه كتابته في المجموعة، حتى لا يستطيع أحد ملء مساحة التخزين لدى الجميع. لا يُعرض ولا يُحفظ عند أحد أي شيء يكتبه الجهاز بعد هذا الحد. ويبقى ما كتبه قبل ذلك.',
  'logQuota.item': 'أحد أجهزة <bdi>{name}</bdi> بلغ حدّ المجموعة.',
  'logQuota.what': 'الاستخدام العادي يبقى بعيدًا جدًا عن هذا الحد لسنوات كثيرة. إذا كان أحد يُغرق المجموعة، يمكن إزالته منها. لا يمكن رفع الحد لجهاز واحد.',
  'logQuota.error': 'كتب هذا الجهاز في هذه المجموعة أقصى ما يُسمح لجهاز واحد بكتابته، لذلك لن يُشارَك أي شيء آخر منه. لا تزال القراءة ممكنة. يرى ميسّرو المجموعة أن هذا الجهاز بلغ الحد.',
}
