/**
 * Español (preview: written by the Hearth team, awaiting review by native-speaking advocates).
 */
import type { Catalogue } from './en.ts'
import { integrityEs } from './es/integrity.ts'
import { logQuotaEs } from './es/log-quota.ts'
import { supportEs } from './es/support.ts'
import { errorsEs } from './es/errors.ts'
import { reasonsEs } from './es/reasons.ts'
import { namesEs } from './es/names.ts'
import { keeperEs } from './es/keeper.ts'
import { keeperQuotaEs } from './es/keeper-quota.ts'
import { keeperMailboxEs } from './es/keeper-mailbox.ts'
import { keeperOnlyEs } from './es/keeper-only.ts'
import { newcomerEs } from './es/newcomer.ts'
import { webrtcEs } from './es/webrtc.ts'
import { webrtcInviteEs } from './es/webrtc-invite.ts'
import { groupToolsEs } from './es/group-tools.ts'
import { hearingEs } from './es/hearing.ts'
import { shellEs } from './es/shell.ts'
import { noticeEs } from './es/notice.ts'
import { profileEs } from './es/profile.ts'
import { errorWordsEs } from './es/error-words.ts'
import { groupsEs } from './es/groups.ts'
import { spaceEs } from './es/space.ts'
import { feedEs } from './es/feed.ts'
import { flaggingEs } from './es/flagging.ts'
import { membersEs } from './es/members.ts'
import { privateLineEs } from './es/private-line.ts'
import { groupPanelsEs } from './es/group-panels.ts'
import { deviceSettingsEs } from './es/device-settings.ts'
import { safetyToolsEs } from './es/safety-tools.ts'

export const es: Catalogue = {
  ...supportEs,
  ...errorsEs,
  ...reasonsEs,
  ...namesEs,
  ...keeperEs,
  ...keeperQuotaEs,
  ...keeperMailboxEs,
  ...keeperOnlyEs,
  ...newcomerEs,
  ...webrtcEs,
  ...webrtcInviteEs,
  ...hearingEs,
  ...shellEs,
  ...noticeEs,
  ...profileEs,
  ...errorWordsEs,
  ...groupsEs,
  ...spaceEs,
  ...feedEs,
  ...flaggingEs,
  ...membersEs,
  ...privateLineEs,
  ...groupPanelsEs,
  ...deviceSettingsEs,
  ...safetyToolsEs,
  ...integrityEs,
  ...logQuotaEs,
  ...groupToolsEs,
}
