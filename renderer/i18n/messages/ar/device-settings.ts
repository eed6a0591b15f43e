/** This device's settings and the language picker, Arabic (preview translation). */
import type { deviceSettingsEn } from '../en/device-settings.ts'

export const deviceSettingsAr: Record<keyof typeof deviceSettingsEn, string> = {
  'language.label': 'اللغة',
  'language.system': 'كما في هذا الحاسوب ({name})',
  'language.preview': '{name} (نسخة تجريبية)',
  'language.help': 'يُحفظ على هذا الجهاز فقط. الترجمات الموسومة بـ«نسخة تجريبية» لم يراجعها بعدُ مختصون في الدعم من الناطقين بها.',
  'settings.back': 'العودة إلى مجموعاتك',
  'settings.title': 'الإعدادات',
  'settings.form': 'القفل والإشعارات',
  'settings.lockLabel': 'قفل Hearth بعد هذا العدد من الدقائق دون استخدام',
  'settings.lockBad': 'يُرجى اختيار عدد صحيح من الدقائق بين {min} و{max}.',
  'settings.lockHelp': 'عدم الكتابة أو النقر أو التمرير طوال هذه المدة يُقفل Hearth، ويطلب فتحه من جديد عبارة مرورك. المدة الأقصر أكثر أمانًا على حاسوب مشترك.',
  'settings.notifications': 'الإشعارات',
  'settings.notify.private': '<b>شيء جديد</b>: فقط «شيء جديد في Hearth». لا مجموعة ولا أسماء ولا كلمات.',
  'settings.notify.groupName': '<b>اسم المجموعة فقط</b>: «شيء جديد في» واسم المجموعة. لا يذكر أبدًا من كتب ولا ماذا كتب.',
  'settings.notify.off': '<b>إيقاف</b>: لا يظهر أي إشعار أبدًا.',
  'settings.notifyHelp': 'يعرض تطبيق سطح المكتب إشعارًا عند وصول شيء جديد بينما Hearth في الخلفية، إشعارًا واحدًا على الأكثر لكل مجموعة إلى أن تتم مطالعتها. المجموعة التي تأخذ فيها استراحة تبقى هادئة. يستطيع أي شخص قرب شاشتك رؤية الإشعار، لذلك لا يظهر اسم المجموعة إلا إذا اخترت ذلك.',
  'settings.saved': 'تم الحفظ.',
  'settings.busy': 'جارٍ الحفظ…',
  'settings.submit': 'حفظ الإعدادات',
}
