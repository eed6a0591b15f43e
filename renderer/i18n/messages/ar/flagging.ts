/** Flagging a post, the reasons, and the notice on a hidden post, Arabic (preview translation). */
import type { flaggingEn } from '../en/flagging.ts'

export const flaggingAr: Record<keyof typeof flaggingEn, string> = {
  'flag.label': 'إبلاغ الميسّرين',
  'flag.legend': 'أي قاعدة أساسية يخالفها هذا؟',
  'flag.hint': 'سيراجعه الميسّرون. عندما {threshold, plural, zero {لا يبلّغ عنه أحد} one {يبلّغ عنه عضو واحد} two {يبلّغ عنه عضوان مختلفان} few {يبلّغ عنه # أعضاء مختلفين} many {يبلّغ عنه # عضوًا مختلفًا} other {يبلّغ عنه # عضو مختلف}}، يُخفى عن المجموعة إلى أن يراجعوه. الميسّرون وحدهم يرون من أبلغ.',
  'flag.more': 'هل من شيء آخر يُقال، أو شعور بعدم الأمان؟',
  'flag.private': 'الكتابة إلى الميسّرين على انفراد',
  'flag.missing': 'يُرجى اختيار سبب.',
  'flag.busy': 'جارٍ الإرسال…',
  'flag.submit': 'الإبلاغ عنه',
  'flag.cancel': 'إلغاء',
  'reason.rule': 'القاعدة {n}: <bdi>{rule}</bdi>',
  'reason.other': 'شيء آخر، ليس من القواعد الأساسية',
  'reason.otherNoRules': 'شيء آخر (لا توجد قواعد أساسية لهذه المجموعة بعد)',
  'hidden.label': 'مخفي عن المجموعة',
  'hidden.byFlags': '<b>مخفي عن المجموعة.</b> أبلغ عنه بعض الأعضاء، لذلك لا يراه أحد سواك إلى أن يراجعه أحد الميسّرين.',
  'hidden.byFacilitator': '<b>مخفي عن المجموعة.</b> أخفاه أحد الميسّرين، لذلك لا يراه أحد سواك.',
  'hidden.escalated': 'وطلبوا أيضًا النظر في إزالته.',
  'hidden.why': 'السبب:',
  'hidden.flags': '<bdi>{reason}</bdi> ({count, plural, zero {لا بلاغات} one {بلاغ واحد} two {بلاغان} few {# بلاغات} many {# بلاغًا} other {# بلاغ}})',
  'hidden.note': 'ملاحظتهم: «<bdi>{note}</bdi>»',
  'hidden.edit': 'يمكن تعديله؛ وسيرى الميسّرون أنه عُدّل. لا يغيّر أحد سواك كلماتك أبدًا.',
  'hidden.ask': 'سؤال الميسّرين عن هذا',
}
