/**
 * The contract's error codes and result shape (part of core/api.ts, which re-exports it): every
 * code a front end may see, one factory per code in core/errors.ts. Types only.
 */

/** Every error code a front end may see. One factory per code lives in core/errors.ts. */
export type ErrorCode =
  // input and contract
  | 'INVALID_INPUT'
  | 'UNKNOWN_METHOD'
  | 'UNTRUSTED_SENDER'
  | 'INTERNAL'
  // profile vault
  | 'PROFILE_EXISTS'
  | 'PROFILE_NOT_FOUND'
  | 'PROFILE_LOCKED'
  | 'PROFILE_BUSY'
  | 'WRONG_PASSPHRASE'
  | 'TOO_MANY_ATTEMPTS'
  | 'WEAK_PASSPHRASE'
  | 'VAULT_CORRUPT'
  | 'VAULT_MISSING'
  | 'VAULT_TRUNCATED'
  | 'VAULT_VERSION'
  // crypto
  | 'CRYPTO_OPEN_FAILED'
  | 'CRYPTO_BAD_KEY'
  | 'CRYPTO_BAD_SIGNATURE'
  // device logs and blocks
  | 'BLOCK_MALFORMED'
  | 'BLOCK_TOO_LARGE'
  | 'BLOCK_VERSION'
  | 'BLOCK_EPOCH_UNKNOWN'
  | 'LOG_CORRUPT'
  | 'LOG_NOT_FROZEN'
  | 'STORE_UNAVAILABLE'
  | 'LOG_BEHIND'
  | 'LOG_UNCONFIRMED'
  | 'NOT_SYNCED_YET'
  // groups and content
  | 'GROUP_NOT_FOUND'
  | 'NOT_FOUND'
  | 'NOT_ALLOWED'
  | 'RULES_NOT_ACCEPTED'
  | 'DECISION_CLOSED'
  // invites, joining and the network
  | 'INVITE_MALFORMED'
  | 'INVITE_CHECKSUM'
  | 'INVITE_VERSION'
  | 'INVITE_EXPIRED'
  | 'INVITE_REVOKED'
  | 'INVITE_USED_UP'
  | 'INVITE_DECLINED'
  | 'JOIN_ANSWERS_DIFFER'
  | 'NO_MEMBER_REACHABLE'
  | 'PEER_REJECTED'
  | 'NETWORK_UNAVAILABLE'
  // archives and exports
  | 'ARCHIVE_CORRUPT'
  | 'ARCHIVE_TRUNCATED'
  | 'ARCHIVE_VERSION'
  | 'ARCHIVE_PASSPHRASE'
  | 'ARCHIVE_GROUP_EXISTS'
  | 'ARCHIVE_INCOMPLETE'
  // a newcomer's history still arriving: no record of the group from the docs read so far (reader-source.ts)
  | 'HISTORY_ARRIVING'
  | 'EXPORT_CANCELLED'
  // readable copies written to a path the user picked
  | 'EXPORT_FAILED'
  // names (pseudonyms, group names) that could hide or impersonate
  | 'NAME_NOT_ALLOWED'
  | 'NAME_TAKEN'
  // a device log at the group's byte budget (core/group/log-quota.ts)
  | 'LOG_QUOTA_REACHED'
  // keepers (core/keeper/)
  | 'KEEPER_CODE_MALFORMED'
  | 'KEEPER_CODE_CHECKSUM'
  | 'KEEPER_ALREADY_SET'
  | 'KEEPER_NOT_FOUND'

export interface ApiError {
  code: ErrorCode
  /** Plain words a person can read; never a stack trace, never key material. */
  message: string
  /** Present with TOO_MANY_ATTEMPTS: how long to wait before trying again. */
  retryAfterMs?: number
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
