/** What surrounds every screen: opening, quick exit and its keys, the cover, the confirm step, Arabic (preview translation). */
import type { shellEn } from '../en/shell.ts'

export const shellAr: Record<keyof typeof shellEn, string> = {
  'app.opening': 'جارٍ الفتح…',
  'app.noBridge.title': 'لا يمكن تشغيل Hearth هنا',
  'app.noBridge.body': 'فُتحت هذه النافذة من دون عملية Hearth الخلفية، لذلك لا يمكنها الوصول إلى ملفك الشخصي. يُرجى إغلاقها وتشغيل Hearth من جديد.',
  'quickExit.button': 'خروج سريع',
  'quickExit.help': 'يُخفي Hearth فورًا ويقفله. يمكن أيضًا الضغط على Escape ثلاث مرات.',
  'cover.title': 'ملاحظات',
  'cover.empty': 'لا توجد ملاحظات بعد.',
  'cover.return': 'رجوع',
  'quickExitKeys.title': 'الخروج السريع',
  'quickExitKeys.intro': 'يختفي Hearth فورًا ويُقفل نفسه عند:',
  'quickExitKeys.button': 'الضغط على زر <b>خروج سريع</b> أعلى كل شاشة؛',
  'quickExitKeys.escape': 'الضغط على <kbd>Escape</kbd> ثلاث مرات بسرعة بينما Hearth في المقدمة؛',
  'quickExitKeys.hotkey': 'الضغط على <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> (<kbd>Cmd</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> على Mac) في تطبيق سطح المكتب، حتى لو كانت نافذة أخرى في المقدمة.',
  'quickExitKeys.limits': 'يطلب فتح Hearth من جديد عبارة مرورك. يُخفي الخروج السريع Hearth عن شخص موجود في الغرفة؛ لكنه لا يستطيع إخفاءه عن برامج المراقبة على هذا الجهاز.',
  'confirm.working': 'جارٍ التنفيذ…',
}
