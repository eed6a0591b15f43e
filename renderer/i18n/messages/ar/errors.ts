/** Words for the remaining error codes, Arabic (preview translation; impersonal forms, no gendered address). */
import type { ErrorsKey } from '../en/errors.ts'

export const errorsAr: Record<ErrorsKey, string> = {
  'errors.UNKNOWN_METHOD': 'تعذّر على Hearth تنفيذ ذلك: طلبت هذه النافذة شيئًا لا يعرفه. إعادة تشغيل Hearth تحل المشكلة عادةً.',
  'errors.UNTRUSTED_SENDER': 'رفض Hearth هذا الطلب لأنه لم يأتِ من نافذة Hearth نفسها. لم يتغير شيء.',
  'errors.VAULT_MISSING': 'ملف الملف الشخصي (vault.hearth) غير موجود في هذا المجلد، لكن بيانات المجموعة ما زالت فيه. لم يتغير شيء. يمكن إرجاع vault.hearth من نسخة احتياطية لهذا الملف الشخصي، أو اختيار مجلد آخر لملف شخصي جديد.',
  'errors.CRYPTO_OPEN_FAILED': 'تعذّر على Hearth فتح هذه البيانات، أو غيّرها أحد. لم يتغير شيء هنا.',
  'errors.CRYPTO_BAD_KEY': 'مفتاح وصل إلى Hearth تالف أو غير آمن، لذلك لم يستخدمه.',
  'errors.CRYPTO_BAD_SIGNATURE': 'شيء ما لم يحمل توقيعًا صحيحًا، لذلك لم يثق به Hearth.',
  'errors.BLOCK_MALFORMED': 'جزء من سجل المجموعة كان تالفًا، فوضعه Hearth جانبًا.',
  'errors.BLOCK_TOO_LARGE': 'جزء من سجل المجموعة كان كبيرًا جدًا، فوضعه Hearth جانبًا.',
  'errors.BLOCK_VERSION': 'جزء من سجل المجموعة كُتب بإصدار أحدث من Hearth. يلزم تحديث Hearth لقراءته.',
  'errors.BLOCK_EPOCH_UNKNOWN': 'جزء من سجل المجموعة مقفل بمفتاح لا يملكه هذا الجهاز، لذلك لا تمكن قراءته هنا.',
  'errors.LOG_CORRUPT': 'جزء من سجل هذه المجموعة على هذا الجهاز تالف. تركه Hearth كما هو.',
  'errors.LOG_NOT_FROZEN': 'هذا الجهاز ليس موقوفًا مؤقتًا، أو رُفع إيقافه من قبل.',
  'errors.STORE_UNAVAILABLE': 'تعذّر على Hearth فتح السجل المحفوظ لهذه المجموعة. قد تساعد إعادة تشغيل Hearth.',
  'errors.LOG_BEHIND': 'فقد هذا الجهاز بعض ما كُتب منه هنا مؤخرًا. كي لا يناقض ما كُتب من قبل أبدًا، لن يكتب في هذه المجموعة حتى يستعيد تلك الكلمات: يلزم إبقاء Hearth مفتوحًا ما دام عضو آخر متصلًا.',
  'errors.LOG_UNCONFIRMED': 'نُقل هذا الملف الشخصي أو استُعيد من نسخة. لن يكتب في هذه المجموعة حتى يُظهر عضو آخر كم يحمل من سجله: يلزم الاتصال بينما عضو آخر متصل، أو اختيار «المتابعة هنا» إن لم تكن أي نسخة أخرى من هذا الملف الشخصي قيد الاستخدام.',
  'errors.NOT_SYNCED_YET': 'لم يصل سجل هذه المجموعة إلى هذا الجهاز بعد. لا يوجد أي تلف: ابقَ متصلًا بالإنترنت ما دام عضو آخر متصلًا، وسيظهر.',
  'errors.DECISION_CLOSED': 'انتهى التصويت على هذا القرار. النتيجة نهائية.',
  'errors.EXPORT_FAILED': 'تعذّر على Hearth كتابة الملف هناك. لم يُحفظ شيء.',
  'errors.NAME_NOT_ALLOWED': 'في هذا الاسم أحرف مخفية (غير مرئية، أو أحرف اتجاه أو تحكم) قد تضلل الآخرين. يُرجى كتابته من جديد.',
  'errors.NAME_TAKEN': 'هذا الاسم يبدو مطابقًا لاسم عضو آخر. يُرجى اختيار اسم آخر.',
}
