/**
 * العربية (preview): the ground-rule templates Hearth offers and the hotline list's descriptive
 * words, translated from core's English (core/model/data). `from` is the fingerprint of the English
 * each template was made from (renderer/i18n/core-content.ts); numbers and names are not translated.
 * Rules are worded as the group's shared commitments ("نحافظ", "نستمع"), which avoids addressing
 * one reader as a man or a woman.
 */
import type { CoreWords } from '../../content-types.ts'

export const coreWordsAr: CoreWords = {
  templates: {
    'peer-circle': {
      from: '8dd74255',
      title: 'حلقة دعم بين الأقران',
      summary: 'لمجموعة يقودها ناجون وناجيات، ويتناوب أعضاؤها على رعاية المساحة.',
      rules: [
        'ما يُقال هنا يبقى هنا. لا نشارك كلام أحد أو اسمه أو قصته خارج المجموعة، ولا نحفظها ولا ننسخها.',
        'نستمع دون أحكام. كل قصة مُصدَّقة، ولا أحد مُطالَب بتبرير ما فعله ليبقى في أمان.',
        'لا نصائح ما لم تُطلب. نتحدث من تجربتنا الخاصة («ما ساعدني كان…») بدلًا من أن نقول للآخرين ماذا يفعلون.',
        'الابتعاد قليلًا مقبول. يمكن القراءة دون كتابة، أو ترك محادثة، أو أخذ استراحة في أي وقت دون تفسير.',
        'نستخدم اسم المجموعة فقط. لا نشارك تفاصيل قد تكشف هويتنا أو هوية غيرنا: العناوين، أماكن العمل، أسماء الأطفال أو مدارسهم.',
        'نحذر مع التفاصيل القاسية. نضع تنبيهًا بشأن المحتوى قبل وصف العنف، ونترك التفاصيل الصادمة جانبًا.',
        'الميسِّرون يرعون المساحة: يحافظون على هذه القواعد، ويمكنهم إخفاء منشور يخالفها، ويمكن التواصل معهم على انفراد بشأن أي أمر مقلق.',
      ],
    },
    'facilitated-group': {
      from: 'dbf4aeae',
      title: 'مجموعة دعم بتيسير مختص',
      summary: 'لمجموعة يقودها مرشد نفسي أو جهة مناصرة.',
      rules: [
        'السرية: ما يشاركه الأعضاء يبقى في المجموعة. يشرح الميسِّرون قبل أي شيء آخر الحدود القليلة للسرية (مثل خطر على حياة طفل).',
        'نحترم إيقاع كل شخص. لا يُطلب من أحد أن يشارك أكثر مما يريد.',
        'نستمع لنفهم، لا لنحكم أو نُصلح. لا نقدّم النصيحة إلا حين تُطلب.',
        'يتحدث كل منا عن نفسه. نشارك تجربتنا الخاصة بدلًا من تخمين تجربة غيرنا.',
        'أخذ استراحة أو المغادرة مقبول دائمًا، ولن يسأل أحد عن السبب.',
        'نحافظ على أمان بعضنا: لا تفاصيل تكشف الهوية، وتنبيه بشأن المحتوى قبل أي محتوى مؤلم.',
        'الميسِّرون يوجّهون المجموعة، ويحافظون على هذه القواعد، ويجيبون عن الأسئلة على انفراد، ويرشدون إلى المساعدة المختصة عند الحاجة. وهم ليسوا خدمة طوارئ.',
      ],
    },
    short: {
      from: 'a9134359',
      title: 'مجموعة قواعد قصيرة',
      summary: 'خمس قواعد بسيطة لمجموعة صغيرة تريد أن تبدأ ببساطة.',
      rules: [
        'ما يُشارَك هنا يبقى هنا.',
        'نستمع دون أحكام.',
        'لا نصائح ما لم يطلبها أحد.',
        'الابتعاد قليلًا مقبول في أي وقت.',
        'الميسِّرون يحافظون على هذه القواعد ويمكن التواصل معهم على انفراد.',
      ],
    },
  },
  hotlines: {
    'Hearth is not a crisis service. This list was compiled on 2026-11-24 from the numbers these organisations publish on their own websites (the source of each line is given). It was NOT checked live from this computer, which has no internet access; numbers and hours can change, so check the source when you can. In immediate danger, call your local emergency number.':
      'Hearth ليس خدمة طوارئ. جُمعت هذه القائمة في 2026-11-24 من الأرقام التي تنشرها هذه المنظمات على مواقعها (مصدر كل خط مذكور). ولم يُتحقق منها مباشرةً من هذا الحاسوب، فهو غير متصل بالإنترنت؛ قد تتغير الأرقام والساعات، لذا يُستحسن التحقق من المصدر عند الإمكان. عند الخطر المباشر، يُرجى الاتصال برقم الطوارئ المحلي.',
    'Canada has no single national domestic-abuse hotline: each province and territory runs its own crisis and shelter lines. The Government of Canada lists them by province and territory.':
      'لا يوجد في كندا خط وطني واحد للعنف الأسري: لكل مقاطعة وإقليم خطوطه الخاصة للأزمات والملاجئ. وتُدرجها حكومة كندا بحسب المقاطعة والإقليم.',
    'This helpline serves England; Scotland, Wales and Northern Ireland have their own services.':
      'يخدم هذا الخط إنجلترا؛ ولكل من اسكتلندا وويلز وأيرلندا الشمالية خدماتها الخاصة.',
    '24 hours, every day': 'على مدار الساعة، كل يوم',
    '24 hours, every day; free and anonymous': 'على مدار الساعة، كل يوم؛ مجاني ومن دون ذكر الاسم',
    '24 hours, every day; free, in many languages': 'على مدار الساعة، كل يوم؛ مجاني وبلغات كثيرة',
    '24 hours, every day; free': 'على مدار الساعة، كل يوم؛ مجاني',
    'Text START to 88788': 'رسالة نصية بكلمة START إلى 88788',
    '17 (police) or 112': '17 (الشرطة) أو 112',
    '112 or 999': '112 أو 999',
  },
}
