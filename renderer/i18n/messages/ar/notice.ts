/** The safety notice: what Hearth can and cannot protect, Arabic (preview translation). */
import type { noticeEn } from '../en/notice.ts'

export const noticeAr: Record<keyof typeof noticeEn, string> = {
  'notice.title.first': 'قبل البدء',
  'notice.title.again': 'ما يستطيع Hearth حمايته وما لا يستطيع',
  'notice.does.title': 'ما يفعله Hearth',
  'notice.does.encrypted': 'كل ما يحفظه Hearth على هذا الحاسوب مشفّر ومقفل بعبارة مرور لا يعرفها أحد سواك.',
  'notice.does.messages': 'تُشفَّر رسائل مجموعتك قبل أن تغادر هذا الحاسوب. لا يحتفظ بها خادم أي شركة.',
  'notice.does.quickExit': '<b>الخروج السريع</b> (الزر أعلى كل شاشة، أو الضغط على Escape ثلاث مرات) يُخفي Hearth فورًا ويقفله.',
  'notice.does.sleep': 'يُقفل Hearth نفسه عندما ينام الحاسوب أو تُقفل الشاشة.',
  'notice.cannot.title': 'ما لا يستطيع Hearth الحماية منه',
  'notice.cannot.monitoring': '<b>برامج المراقبة على هذا الجهاز</b> (وتُسمّى أحيانًا برامج التجسس) يمكنها رؤية ما على الشاشة وما يُكتب، في Hearth أيضًا. إن كان هناك شك في أن هذا الجهاز مراقَب، فالأفضل استخدام جهاز أكثر أمانًا إن أمكن، مثل حاسوب في مكتبة عامة أو حاسوب صديق موثوق.',
  'notice.cannot.passphrase': '<b>من يعرف عبارة مرورك</b> أو يخمّنها أو يراك تكتبها يستطيع فتح ملفك الشخصي.',
  'notice.cannot.unlocked': 'ما دام Hearth مفتوحًا، يستطيع أي شخص أمام هذا الحاسوب قراءته. يُستحسن قفله أو استخدام الخروج السريع عند الابتعاد.',
  'notice.cannot.traces': 'قد يلاحظ من يفتّش هذا الحاسوب أن Hearth مثبّت عليه. <b>إلغاء التثبيت يترك آثارًا</b>، مثل مجلدات وقيود في سجلات النظام نفسه.',
  'notice.cannot.recovery': '<b>لا يمكن استعادة عبارة مرور منسية</b>، لا لك ولا لأي أحد.',
  'notice.crisis': 'Hearth مساحة للدعم بين الأقران، وليس خدمة طوارئ. عند التعرض للخطر، يُرجى الاتصال بخدمات الطوارئ المحلية.',
  'notice.continue': 'فهمت، متابعة',
  'notice.back': 'رجوع',
}
