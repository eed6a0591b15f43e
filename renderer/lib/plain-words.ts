/**
 * What to say when a call fails. Core already writes its messages in plain words; the few codes
 * below get wording that fits the screen they appear on, in the reader's language (the catalogue's
 * `error.*` keys). Never shows a stack or a raw code alone.
 */
import type { ApiError, ErrorCode } from '../../core/api.ts'
import { t, type MessageKey } from '../i18n/locale.svelte.ts'

const WORDS: Partial<Record<ErrorCode, MessageKey>> = {
  WRONG_PASSPHRASE: 'error.WRONG_PASSPHRASE',
  TOO_MANY_ATTEMPTS: 'error.TOO_MANY_ATTEMPTS',
  WEAK_PASSPHRASE: 'error.WEAK_PASSPHRASE',
  PROFILE_EXISTS: 'error.PROFILE_EXISTS',
  PROFILE_NOT_FOUND: 'error.PROFILE_NOT_FOUND',
  PROFILE_BUSY: 'error.PROFILE_BUSY',
  VAULT_CORRUPT: 'error.VAULT_CORRUPT',
  VAULT_TRUNCATED: 'error.VAULT_TRUNCATED',
  VAULT_VERSION: 'error.VAULT_VERSION',
  INTERNAL: 'error.INTERNAL',
  PROFILE_LOCKED: 'error.PROFILE_LOCKED',
  GROUP_NOT_FOUND: 'error.GROUP_NOT_FOUND',
  NOT_FOUND: 'error.NOT_FOUND',
  NOT_ALLOWED: 'error.NOT_ALLOWED',
  RULES_NOT_ACCEPTED: 'error.RULES_NOT_ACCEPTED',
  INVALID_INPUT: 'error.INVALID_INPUT',
  INVITE_MALFORMED: 'error.INVITE_MALFORMED',
  INVITE_CHECKSUM: 'error.INVITE_CHECKSUM',
  INVITE_VERSION: 'error.INVITE_VERSION',
  INVITE_EXPIRED: 'error.INVITE_EXPIRED',
  INVITE_REVOKED: 'error.INVITE_REVOKED',
  INVITE_USED_UP: 'error.INVITE_USED_UP',
  INVITE_DECLINED: 'error.INVITE_DECLINED',
  NO_MEMBER_REACHABLE: 'error.NO_MEMBER_REACHABLE',
  PEER_REJECTED: 'error.PEER_REJECTED',
  NETWORK_UNAVAILABLE: 'error.NETWORK_UNAVAILABLE',
  ARCHIVE_CORRUPT: 'error.ARCHIVE_CORRUPT',
  ARCHIVE_TRUNCATED: 'error.ARCHIVE_TRUNCATED',
  ARCHIVE_VERSION: 'error.ARCHIVE_VERSION',
  ARCHIVE_PASSPHRASE: 'error.ARCHIVE_PASSPHRASE',
  ARCHIVE_INCOMPLETE: 'error.ARCHIVE_INCOMPLETE',
  ARCHIVE_GROUP_EXISTS: 'error.ARCHIVE_GROUP_EXISTS',
  EXPORT_CANCELLED: 'error.EXPORT_CANCELLED',
  KEEPER_CODE_MALFORMED: 'keeper.error.malformed',
  KEEPER_CODE_CHECKSUM: 'keeper.error.checksum',
  KEEPER_ALREADY_SET: 'keeper.error.alreadySet',
  KEEPER_NOT_FOUND: 'keeper.error.notFound',
}

export function plainWords(error: ApiError): string {
  const key = WORDS[error.code]
  // Core's own message is English; it stands in only for codes no screen words itself.
  return key ? t(key) : error.message
}

/** "about 2 minutes", "12 seconds": a wait spoken the way a person would say it. */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return t('wait.seconds', { n: seconds })
  return t('wait.minutes', { n: Math.ceil(seconds / 60) })
}
