/**
 * العربية (preview: written by the Hearth team, awaiting review by native-speaking advocates).
 * Modern Standard Arabic; verbal nouns and impersonal forms where they read naturally, so the
 * screens address no one as a man or a woman.
 */
import type { Catalogue } from './en.ts'
import { integrityAr } from './ar/integrity.ts'
import { logQuotaAr } from './ar/log-quota.ts'
import { supportAr } from './ar/support.ts'
import { errorsAr } from './ar/errors.ts'
import { reasonsAr } from './ar/reasons.ts'
import { namesAr } from './ar/names.ts'
import { keeperAr } from './ar/keeper.ts'
import { keeperQuotaAr } from './ar/keeper-quota.ts'
import { keeperMailboxAr } from './ar/keeper-mailbox.ts'
import { keeperOnlyAr } from './ar/keeper-only.ts'
import { newcomerAr } from './ar/newcomer.ts'
import { webrtcAr } from './ar/webrtc.ts'
import { webrtcInviteAr } from './ar/webrtc-invite.ts'
import { groupToolsAr } from './ar/group-tools.ts'
import { hearingAr } from './ar/hearing.ts'
import { shellAr } from './ar/shell.ts'
import { noticeAr } from './ar/notice.ts'
import { profileAr } from './ar/profile.ts'
import { errorWordsAr } from './ar/error-words.ts'
import { groupsAr } from './ar/groups.ts'
import { spaceAr } from './ar/space.ts'
import { feedAr } from './ar/feed.ts'
import { flaggingAr } from './ar/flagging.ts'
import { membersAr } from './ar/members.ts'
import { privateLineAr } from './ar/private-line.ts'
import { groupPanelsAr } from './ar/group-panels.ts'
import { deviceSettingsAr } from './ar/device-settings.ts'
import { safetyToolsAr } from './ar/safety-tools.ts'

export const ar: Catalogue = {
  ...supportAr,
  ...errorsAr,
  ...reasonsAr,
  ...namesAr,
  ...keeperAr,
  ...keeperQuotaAr,
  ...keeperMailboxAr,
  ...keeperOnlyAr,
  ...newcomerAr,
  ...webrtcAr,
  ...webrtcInviteAr,
  ...hearingAr,
  ...shellAr,
  ...noticeAr,
  ...profileAr,
  ...errorWordsAr,
  ...groupsAr,
  ...spaceAr,
  ...feedAr,
  ...flaggingAr,
  ...membersAr,
  ...privateLineAr,
  ...groupPanelsAr,
  ...deviceSettingsAr,
  ...safetyToolsAr,
  ...integrityAr,
  ...logQuotaAr,
  ...groupToolsAr,
}
