/**
 * Deutsch (preview: written by the Hearth team, awaiting review by native-speaking advocates).
 * Informal "du", as German peer-support groups speak; people are named with neutral words
 * (Mitglied, Person, die Moderation for the facilitators, Betroffene for survivors), not gender stars.
 */
import type { Catalogue } from './en.ts'
import { hearingDe } from './de/hearing.ts'
import { groupToolsDe } from './de/group-tools.ts'
import { keeperDe } from './de/keeper.ts'
import { keeperQuotaDe } from './de/keeper-quota.ts'
import { keeperMailboxDe } from './de/keeper-mailbox.ts'
import { keeperOnlyDe } from './de/keeper-only.ts'
import { newcomerDe } from './de/newcomer.ts'
import { webrtcDe } from './de/webrtc.ts'
import { webrtcInviteDe } from './de/webrtc-invite.ts'
import { supportDe } from './de/support.ts'
import { errorsDe } from './de/errors.ts'
import { reasonsDe } from './de/reasons.ts'
import { namesDe } from './de/names.ts'
import { integrityDe } from './de/integrity.ts'
import { logQuotaDe } from './de/log-quota.ts'
import { shellDe } from './de/shell.ts'
import { noticeDe } from './de/notice.ts'
import { profileDe } from './de/profile.ts'
import { errorWordsDe } from './de/error-words.ts'
import { groupsDe } from './de/groups.ts'
import { spaceDe } from './de/space.ts'
import { feedDe } from './de/feed.ts'
import { flaggingDe } from './de/flagging.ts'
import { membersDe } from './de/members.ts'
import { privateLineDe } from './de/private-line.ts'
import { groupPanelsDe } from './de/group-panels.ts'
import { deviceSettingsDe } from './de/device-settings.ts'
import { safetyToolsDe } from './de/safety-tools.ts'

export const de: Catalogue = {
  ...hearingDe,
  ...groupToolsDe,
  ...keeperDe,
  ...keeperQuotaDe,
  ...keeperMailboxDe,
  ...keeperOnlyDe,
  ...newcomerDe,
  ...webrtcDe,
  ...webrtcInviteDe,
  ...supportDe,
  ...errorsDe,
  ...reasonsDe,
  ...namesDe,
  ...integrityDe,
  ...logQuotaDe,
  ...shellDe,
  ...noticeDe,
  ...profileDe,
  ...errorWordsDe,
  ...groupsDe,
  ...spaceDe,
  ...feedDe,
  ...flaggingDe,
  ...membersDe,
  ...privateLineDe,
  ...groupPanelsDe,
  ...deviceSettingsDe,
  ...safetyToolsDe,
}
