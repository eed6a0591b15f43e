/** Group settings with named choices, in Arabic (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { settingsEn } from '../en/settings.ts'

export const settingsAr: Record<keyof typeof settingsEn, string> = {
  'groupChoice.busy': 'جارٍ الحفظ…',
  'groupChoice.saved': 'حُفظ.',
  'groupSetting.invite.membersApproved': 'الأعضاء، بموافقة أحد الميسّرين',
  'groupSetting.invite.membersApprovedHelp': 'يمكن لأي عضو أن يدعو؛ وينتظر كل قادم جديد حتى يسمح له أحد الميسّرين بالدخول. الخيار الآمن الافتراضي.',
  'groupSetting.invite.facilitators': 'الميسّرون فقط',
  'groupSetting.invite.facilitatorsHelp': 'الميسّرون وحدهم ينشئون الدعوات.',
  'groupSetting.invite.members': 'أي عضو',
  'groupSetting.invite.membersHelp': 'دعوة أي عضو تُدخل الناس مباشرة. أكثر انفتاحًا، وأسهل لدخول شخص غير مرغوب فيه.',
  'groupSetting.export.facilitators': 'الميسّرون فقط',
  'groupSetting.export.facilitatorsHelp': 'لا يحفظ الأعضاء إلا كلماتهم. القاعدة المعتادة: ما يُقال هنا يبقى هنا.',
  'groupSetting.export.members': 'أي عضو',
  'groupSetting.export.membersHelp': 'يمكن لأي عضو حفظ كلمات الجميع في ملف مقروء.',
  'groupSetting.export.sentenceMembers': 'في هذه المجموعة يمكن لأي عضو حفظ كلمات الجميع في ملف مقروء. وفي كل مرة، يستطيع كل الأعضاء رؤية أن ذلك حدث.',
  'groupSetting.export.sentenceFacilitators': 'في هذه المجموعة لا يحفظ كلمات الجميع في ملف مقروء إلا الميسّرون؛ وفي كل مرة، يستطيع كل الأعضاء رؤية أن ذلك حدث. ويمكنك دائمًا حفظ كلماتك.',
}
