/**
 * Français (preview: written by the Hearth team, awaiting review by native-speaking advocates).
 */
import type { Catalogue } from './en.ts'
import { integrityFr } from './fr/integrity.ts'
import { logQuotaFr } from './fr/log-quota.ts'
import { supportFr } from './fr/support.ts'
import { errorsFr } from './fr/errors.ts'
import { reasonsFr } from './fr/reasons.ts'
import { namesFr } from './fr/names.ts'
import { keeperFr } from './fr/keeper.ts'
import { keeperQuotaFr } from './fr/keeper-quota.ts'
import { keeperMailboxFr } from './fr/keeper-mailbox.ts'
import { keeperOnlyFr } from './fr/keeper-only.ts'
import { newcomerFr } from './fr/newcomer.ts'
import { webrtcFr } from './fr/webrtc.ts'
import { webrtcInviteFr } from './fr/webrtc-invite.ts'
import { groupToolsFr } from './fr/group-tools.ts'
import { hearingFr } from './fr/hearing.ts'
import { shellFr } from './fr/shell.ts'
import { noticeFr } from './fr/notice.ts'
import { profileFr } from './fr/profile.ts'
import { errorWordsFr } from './fr/error-words.ts'
import { groupsFr } from './fr/groups.ts'
import { spaceFr } from './fr/space.ts'
import { feedFr } from './fr/feed.ts'
import { flaggingFr } from './fr/flagging.ts'
import { membersFr } from './fr/members.ts'
import { privateLineFr } from './fr/private-line.ts'
import { groupPanelsFr } from './fr/group-panels.ts'
import { deviceSettingsFr } from './fr/device-settings.ts'
import { safetyToolsFr } from './fr/safety-tools.ts'

export const fr: Catalogue = {
  ...supportFr,
  ...errorsFr,
  ...reasonsFr,
  ...namesFr,
  ...keeperFr,
  ...keeperQuotaFr,
  ...keeperMailboxFr,
  ...keeperOnlyFr,
  ...newcomerFr,
  ...webrtcFr,
  ...webrtcInviteFr,
  ...hearingFr,
  ...shellFr,
  ...noticeFr,
  ...profileFr,
  ...errorWordsFr,
  ...groupsFr,
  ...spaceFr,
  ...feedFr,
  ...flaggingFr,
  ...membersFr,
  ...privateLineFr,
  ...groupPanelsFr,
  ...deviceSettingsFr,
  ...safetyToolsFr,
  ...integrityFr,
  ...logQuotaFr,
  ...groupToolsFr,
}
