/**
 * Polski (preview: written by the Hearth team, awaiting review by native-speaking advocates).
 * Informal "ty". Polish marks the speaker's gender in the past tense ("zrobiłeś/zrobiłaś"), so
 * sentences about the reader avoid it (present tense, or impersonal "-no/-to" forms); people are
 * named with "osoba" phrases (osoba prowadząca, osoby w grupie), which fit everyone.
 * Counts have four forms: one (1), few (2-4, 22-24…), many (5-21, 25…) and other (fractions).
 */
import type { Catalogue } from './en.ts'
import { hearingPl } from './pl/hearing.ts'
import { groupToolsPl } from './pl/group-tools.ts'
import { keeperPl } from './pl/keeper.ts'
import { keeperQuotaPl } from './pl/keeper-quota.ts'
import { keeperMailboxPl } from './pl/keeper-mailbox.ts'
import { keeperOnlyPl } from './pl/keeper-only.ts'
import { newcomerPl } from './pl/newcomer.ts'
import { webrtcPl } from './pl/webrtc.ts'
import { webrtcInvitePl } from './pl/webrtc-invite.ts'
import { supportPl } from './pl/support.ts'
import { errorsPl } from './pl/errors.ts'
import { reasonsPl } from './pl/reasons.ts'
import { namesPl } from './pl/names.ts'
import { integrityPl } from './pl/integrity.ts'
import { logQuotaPl } from './pl/log-quota.ts'
import { shellPl } from './pl/shell.ts'
import { noticePl } from './pl/notice.ts'
import { profilePl } from './pl/profile.ts'
import { errorWordsPl } from './pl/error-words.ts'
import { groupsPl } from './pl/groups.ts'
import { spacePl } from './pl/space.ts'
import { feedPl } from './pl/feed.ts'
import { flaggingPl } from './pl/flagging.ts'
import { membersPl } from './pl/members.ts'
import { privateLinePl } from './pl/private-line.ts'
import { groupPanelsPl } from './pl/group-panels.ts'
import { deviceSettingsPl } from './pl/device-settings.ts'
import { safetyToolsPl } from './pl/safety-tools.ts'

export const pl: Catalogue = {
  ...hearingPl,
  ...groupToolsPl,
  ...keeperPl,
  ...keeperQuotaPl,
  ...keeperMailboxPl,
  ...keeperOnlyPl,
  ...newcomerPl,
  ...webrtcPl,
  ...webrtcInvitePl,
  ...supportPl,
  ...errorsPl,
  ...reasonsPl,
  ...namesPl,
  ...integrityPl,
  ...logQuotaPl,
  ...shellPl,
  ...noticePl,
  ...profilePl,
  ...errorWordsPl,
  ...groupsPl,
  ...spacePl,
  ...feedPl,
  ...flaggingPl,
  ...membersPl,
  ...privateLinePl,
  ...groupPanelsPl,
  ...deviceSettingsPl,
  ...safetyToolsPl,
}
