/** A join waiting with the group's keeper, Arabic (preview translation). */
import type { keeperMailboxEn } from '../en/keeper-mailbox.ts'

export const keeperMailboxAr: Record<keyof typeof keeperMailboxEn, string> = {
  'keeperMailbox.waiting': '<b>طلبك ينتظر لدى حارس المجموعة.</b> لا يوجد أي عضو متصل الآن. سيُسمح لك بالدخول في المرة القادمة التي يكون فيها أحد الأعضاء متصلًا؛ يُرجى إبقاء Hearth مفتوحًا، أو فتحه لاحقًا. لا حاجة لكتابة الرمز مرة أخرى.',
}
