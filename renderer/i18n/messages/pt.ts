/**
 * Português (preview: written by the Hearth team, awaiting review by native-speaking advocates).
 * Brazilian Portuguese, "você", the variety most readers have; Portugal's readers get it too
 * (languages.ts). People are named with words that fit everyone: membro, pessoa facilitadora,
 * a facilitação for the facilitators together, sobreviventes; adjectives about the reader
 * ("obrigado/a", "sozinho/a") are avoided.
 */
import type { Catalogue } from './en.ts'
import { hearingPt } from './pt/hearing.ts'
import { groupToolsPt } from './pt/group-tools.ts'
import { keeperPt } from './pt/keeper.ts'
import { keeperQuotaPt } from './pt/keeper-quota.ts'
import { keeperMailboxPt } from './pt/keeper-mailbox.ts'
import { keeperOnlyPt } from './pt/keeper-only.ts'
import { newcomerPt } from './pt/newcomer.ts'
import { webrtcPt } from './pt/webrtc.ts'
import { webrtcInvitePt } from './pt/webrtc-invite.ts'
import { supportPt } from './pt/support.ts'
import { errorsPt } from './pt/errors.ts'
import { reasonsPt } from './pt/reasons.ts'
import { namesPt } from './pt/names.ts'
import { integrityPt } from './pt/integrity.ts'
import { logQuotaPt } from './pt/log-quota.ts'
import { shellPt } from './pt/shell.ts'
import { noticePt } from './pt/notice.ts'
import { profilePt } from './pt/profile.ts'
import { errorWordsPt } from './pt/error-words.ts'
import { groupsPt } from './pt/groups.ts'
import { spacePt } from './pt/space.ts'
import { feedPt } from './pt/feed.ts'
import { flaggingPt } from './pt/flagging.ts'
import { membersPt } from './pt/members.ts'
import { privateLinePt } from './pt/private-line.ts'
import { groupPanelsPt } from './pt/group-panels.ts'
import { deviceSettingsPt } from './pt/device-settings.ts'
import { safetyToolsPt } from './pt/safety-tools.ts'

export const pt: Catalogue = {
  ...hearingPt,
  ...groupToolsPt,
  ...keeperPt,
  ...keeperQuotaPt,
  ...keeperMailboxPt,
  ...keeperOnlyPt,
  ...newcomerPt,
  ...webrtcPt,
  ...webrtcInvitePt,
  ...supportPt,
  ...errorsPt,
  ...reasonsPt,
  ...namesPt,
  ...integrityPt,
  ...logQuotaPt,
  ...shellPt,
  ...noticePt,
  ...profilePt,
  ...errorWordsPt,
  ...groupsPt,
  ...spacePt,
  ...feedPt,
  ...flaggingPt,
  ...membersPt,
  ...privateLinePt,
  ...groupPanelsPt,
  ...deviceSettingsPt,
  ...safetyToolsPt,
}
