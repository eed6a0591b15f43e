import { groupToolsEn } from './en/group-tools.ts'

/**
 * English, the reference catalogue: every key any screen uses, gathered from one area file per screen
 * or concept (en/<area>.ts). Every other language has exactly these keys with the same placeholders
 * (test/unit/renderer/catalogue.test.ts).
 * ICU MessageFormat: `{name}` a value, `{n, plural, one {…} other {…}}` a count, `<b>…</b>` emphasis.
 * Whole sentences only: a message is never built from pieces, so each language keeps its own order.
 */
import { integrityEn } from './en/integrity.ts'
import { logQuotaEn } from './en/log-quota.ts'
import { supportEn } from './en/support.ts'
import { errorsEn } from './en/errors.ts'
import { reasonsEn } from './en/reasons.ts'
import { namesEn } from './en/names.ts'
import { keeperEn } from './en/keeper.ts'
import { keeperQuotaEn } from './en/keeper-quota.ts'
import { keeperMailboxEn } from './en/keeper-mailbox.ts'
import { keeperOnlyEn } from './en/keeper-only.ts'
import { newcomerEn } from './en/newcomer.ts'
import { webrtcEn } from './en/webrtc.ts'
import { webrtcInviteEn } from './en/webrtc-invite.ts'
import { hearingEn } from './en/hearing.ts'
import { shellEn } from './en/shell.ts'
import { noticeEn } from './en/notice.ts'
import { profileEn } from './en/profile.ts'
import { errorWordsEn } from './en/error-words.ts'
import { groupsEn } from './en/groups.ts'
import { spaceEn } from './en/space.ts'
import { feedEn } from './en/feed.ts'
import { flaggingEn } from './en/flagging.ts'
import { membersEn } from './en/members.ts'
import { privateLineEn } from './en/private-line.ts'
import { groupPanelsEn } from './en/group-panels.ts'
import { deviceSettingsEn } from './en/device-settings.ts'
import { safetyToolsEn } from './en/safety-tools.ts'

export const en = {
  ...supportEn,
  ...errorsEn,
  ...reasonsEn,
  ...namesEn,
  ...keeperEn,
  ...keeperQuotaEn,
  ...keeperMailboxEn,
  ...keeperOnlyEn,
  ...newcomerEn,
  ...webrtcEn,
  ...webrtcInviteEn,
  ...hearingEn,
  ...shellEn,
  ...noticeEn,
  ...profileEn,
  ...errorWordsEn,
  ...groupsEn,
  ...spaceEn,
  ...feedEn,
  ...flaggingEn,
  ...membersEn,
  ...privateLineEn,
  ...groupPanelsEn,
  ...deviceSettingsEn,
  ...safetyToolsEn,
  ...integrityEn,
  ...logQuotaEn,
  ...groupToolsEn,
} as const satisfies Record<string, string>

export type MessageKey = keyof typeof en
export type Catalogue = Record<MessageKey, string>
