/** Keeper-only mode in Settings and the sync line, Arabic (preview translation). */
import type { keeperOnlyEn } from '../en/keeper-only.ts'

export const keeperOnlyAr: Record<keyof typeof keeperOnlyEn, string> = {
  'keeperOnly.title': 'أخفِ عنوانك على الإنترنت عن الأعضاء الآخرين',
  'keeperOnly.switch': 'المزامنة عبر حارس المجموعة فقط',
  'keeperOnly.help': 'عند تفعيل هذا، في المجموعات التي لها حارس، يتصل Hearth بالحارس وحده. لا يرى الأعضاء الآخرون عنوانك على الإنترنت أبدًا، وهو عنوان قد يكشف مكانك تقريبًا. الثمن: عندما يكون الحارس مطفأً لا تتم أي مزامنة حتى يعود. عند الانضمام إلى مجموعة جديدة تتصل مع ذلك مرة واحدة بالعضو الذي يُدخلك.',
  'keeperOnly.nowOn': 'مفعّل. في المجموعات التي لها حارس، تتم مزامنتك عبر الحارس وحده.',
  'keeperOnly.nowOff': 'معطّل. تتصل بالأعضاء الآخرين مباشرة، لذا يمكنهم رؤية عنوانك على الإنترنت.',
  'keeperOnly.sync.down': '<b>لا يمكن الوصول إلى أي حارس.</b> تتم مزامنتك عبر حارس المجموعة وحده، ولا يمكن الوصول إليه الآن. تبقى كلماتك على هذا الجهاز حتى يعود.',
  'keeperOnly.sync.note': 'عبر الحارس وحده: لا يرى الأعضاء الآخرون عنوانك على الإنترنت.',
}
