/**
 * Arabic words of the readable copies (preview: written by the Hearth team, review welcome).
 * Addressed in neutral forms where Arabic has one (an impersonal or plural phrasing), rather than
 * defaulting to the masculine singular.
 */
import type { ReadableWords } from './en.ts'

export const readableAr: ReadableWords = {
  'export.note': 'صُدِّر من Hearth في {date}. يمكن لأي شخص يفتح هذا الملف أن يقرأه. المنشورات التي عليها تنبيه بالمحتوى تبقى مطوية حتى تُفتح.',
  'export.noteMd': 'صُدِّر من Hearth في {date}. يمكن لأي شخص يفتح هذا الملف أن يقرأه.',
  'export.warningHtml': 'تنبيه بالمحتوى: {cw} (يمكن فتحه للقراءة)',
  'export.warningMd': 'تنبيه بالمحتوى: {cw}',
  'export.edited': 'مُعدَّل',
  'export.deleted': 'محذوف',
  'export.reactions': 'التفاعلات: {list}',
  'reaction.believe': 'أصدّقك',
  'reaction.not-alone': 'لست وحدك',
  'reaction.strength': 'أرسل لك القوة',
  'reaction.thanks': 'شكرًا على المشاركة',
  'warning.unencrypted': 'هذه النسخة غير مشفّرة. يمكن لأي شخص يستطيع فتح هذا الملف أن يقرأها. يُستحسن حفظها في مكان لا يصل إليه أحد سواك، وحذفها عند انتهاء الحاجة إليها.',
  'plan.title': 'خطة السلامة الخاصة بي',
  'plan.written': 'نسخة من Hearth بتاريخ {date}.',
  'plan.empty': '(لم يُكتب شيء في الخطة بعد.)',
  'plan.warningSigns': 'علامات الخطر',
  'plan.safePlaces': 'أماكن آمنة',
  'plan.peopleToCall': 'أشخاص يمكن الاتصال بهم',
  'plan.documents': 'وثائق يجب أن تبقى جاهزة',
  'plan.goBag': 'قائمة حقيبة الطوارئ',
  'plan.codeWords': 'كلمات السر المتفق عليها',
  'journal.title': 'سجل الحوادث',
  'journal.written': 'نسخة من Hearth بتاريخ {date}. عدد المدخلات: {count}، الأقدم أولًا.',
  'journal.times': 'الأوقات محلية كما دُوِّنت. «سُجِّل» هو وقت كتابة كل مُدخل أول مرة.',
  'journal.recorded': 'سُجِّل: {time}',
  'journal.recordedChanged': 'سُجِّل: {time}؛ آخر تعديل: {changed}',
  'journal.what': 'ماذا حدث:',
  'journal.witnesses': 'الشهود:',
  'journal.evidence': 'أين تُحفظ الأدلة:',
  'journal.none': '(لم يُكتب شيء)',
  'journal.empty': '(لا توجد مدخلات بعد.)',
}
