/** The ground-rules editor's own words, in Arabic (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { rulesEn } from '../en/rules.ts'

export const rulesAr: Record<keyof typeof rulesEn, string> = {
  'rulesEditor.template': 'البدء من قالب (اختياري)',
  'rulesEditor.chooseTemplate': 'اختيار قالب…',
  'rulesEditor.useTemplate': 'استخدام هذا القالب',
  'rulesEditor.templateHelp': 'مستمد من ممارسات الدعم بين الأقران. يحلّ محل ما في المربع أدناه؛ ويمكن تغيير أي جزء منه قبل الحفظ.',
  'rulesEditor.label': 'القواعد الأساسية للمجموعة',
  'rulesEditor.help': 'قاعدة في كل سطر؛ تُرقَّم عند عرضها، ليستطيع البلاغ ذكر «القاعدة 3». يقرؤها الأعضاء ويقبلونها قبل النشر. وحفظ أي تغيير يطلب من كل عضو قبول النسخة الجديدة.',
  'rulesEditor.empty': 'يُرجى كتابة القواعد أولًا.',
  'rulesEditor.busy': 'جارٍ الحفظ…',
  'rulesEditor.submit': 'حفظ القواعد الأساسية',
  'rulesEditor.cancel': 'إلغاء',
}
