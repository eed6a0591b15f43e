/**
 * What to say when a call fails, in the reader's language. Every ErrorCode has a catalogue
 * sentence (the flat file's `error.*` keys and the `errors` area): the map is total, so a code
 * added to the union without words fails tsc, and core's English `message` is never shown in
 * another language. English too uses the catalogue sentence, so every language says the same
 * thing; `coreOrPlain` is for the few screens where core's detail names the exact cause.
 * Never shows a stack or a raw code alone.
 */
import type { ApiError, ErrorCode } from '../../core/api.ts'
import { locale, t, type MessageKey } from '../i18n/locale.svelte.ts'

export const WORDS: Readonly<Record<ErrorCode, MessageKey>> = {
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
  JOIN_ANSWERS_DIFFER: 'errors.JOIN_ANSWERS_DIFFER',
  NO_MEMBER_REACHABLE: 'error.NO_MEMBER_REACHABLE',
  PEER_REJECTED: 'error.PEER_REJECTED',
  NETWORK_UNAVAILABLE: 'error.NETWORK_UNAVAILABLE',
  ARCHIVE_CORRUPT: 'error.ARCHIVE_CORRUPT',
  ARCHIVE_TRUNCATED: 'error.ARCHIVE_TRUNCATED',
  ARCHIVE_VERSION: 'error.ARCHIVE_VERSION',
  ARCHIVE_PASSPHRASE: 'error.ARCHIVE_PASSPHRASE',
  ARCHIVE_INCOMPLETE: 'error.ARCHIVE_INCOMPLETE',
  ARCHIVE_GROUP_EXISTS: 'error.ARCHIVE_GROUP_EXISTS',
  HISTORY_ARRIVING: 'newcomer.error.arriving',
  EXPORT_CANCELLED: 'error.EXPORT_CANCELLED',
  KEEPER_CODE_MALFORMED: 'keeper.error.malformed',
  KEEPER_CODE_CHECKSUM: 'keeper.error.checksum',
  KEEPER_ALREADY_SET: 'keeper.error.alreadySet',
  KEEPER_NOT_FOUND: 'keeper.error.notFound',
  UNKNOWN_METHOD: 'errors.UNKNOWN_METHOD',
  UNTRUSTED_SENDER: 'errors.UNTRUSTED_SENDER',
  VAULT_MISSING: 'errors.VAULT_MISSING',
  CRYPTO_OPEN_FAILED: 'errors.CRYPTO_OPEN_FAILED',
  CRYPTO_BAD_KEY: 'errors.CRYPTO_BAD_KEY',
  CRYPTO_BAD_SIGNATURE: 'errors.CRYPTO_BAD_SIGNATURE',
  BLOCK_MALFORMED: 'errors.BLOCK_MALFORMED',
  BLOCK_TOO_LARGE: 'errors.BLOCK_TOO_LARGE',
  BLOCK_VERSION: 'errors.BLOCK_VERSION',
  BLOCK_EPOCH_UNKNOWN: 'errors.BLOCK_EPOCH_UNKNOWN',
  LOG_CORRUPT: 'errors.LOG_CORRUPT',
  LOG_NOT_FROZEN: 'errors.LOG_NOT_FROZEN',
  STORE_UNAVAILABLE: 'errors.STORE_UNAVAILABLE',
  LOG_BEHIND: 'errors.LOG_BEHIND',
  LOG_UNCONFIRMED: 'errors.LOG_UNCONFIRMED',
  DECISION_CLOSED: 'errors.DECISION_CLOSED',
  EXPORT_FAILED: 'errors.EXPORT_FAILED',
  NAME_NOT_ALLOWED: 'errors.NAME_NOT_ALLOWED',
  NAME_TAKEN: 'errors.NAME_TAKEN',
  LOG_QUOTA_REACHED: 'logQuota.error',
  NOT_SYNCED_YET: 'errors.NOT_SYNCED_YET',
}

export function plainWords(error: ApiError): string {
  return t(WORDS[error.code])
}

/**
 * Core's own sentence where it names the exact cause ("the last facilitator cannot step down"),
 * but only in English, the language core writes; every other language gets the code's sentence.
 */
export function coreOrPlain(error: ApiError): string {
  return locale.tag === 'en' ? error.message : plainWords(error)
}

/** "about 2 minutes", "12 seconds": a wait spoken the way a person would say it. */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return t('wait.seconds', { n: seconds })
  return t('wait.minutes', { n: Math.ceil(seconds / 60) })
}
