/**
 * Coded errors. One factory per code, so a code is always raised with the same plain words
 * and tests can match on the code alone. Inside core, errors are thrown as HearthError; the
 * service turns them into `{ ok: false, error }` values at the API boundary.
 */
import type { ApiError, ErrorCode } from './api.ts'

export class HearthError extends Error {
  readonly code: ErrorCode
  readonly retryAfterMs: number | undefined

  constructor(code: ErrorCode, message: string, opts: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'HearthError'
    this.code = code
    this.retryAfterMs = opts.retryAfterMs
  }

  toApiError(): ApiError {
    const e: ApiError = { code: this.code, message: this.message }
    if (this.retryAfterMs !== undefined) e.retryAfterMs = this.retryAfterMs
    return e
  }
}

type Factory = (detail?: string, opts?: { cause?: unknown; retryAfterMs?: number }) => HearthError

function factory(code: ErrorCode, text: string): Factory {
  return (detail, opts) => new HearthError(code, detail ? `${text}: ${detail}` : text, opts)
}

/** The `satisfies` clause makes a missing code a compile error. */
export const errors = {
  INVALID_INPUT: factory('INVALID_INPUT', 'The request was not valid'),
  UNKNOWN_METHOD: factory('UNKNOWN_METHOD', 'There is no such action'),
  UNTRUSTED_SENDER: factory('UNTRUSTED_SENDER', "The request did not come from Hearth's own window"),
  INTERNAL: factory('INTERNAL', 'Something went wrong inside Hearth; nothing was changed'),
  PROFILE_EXISTS: factory('PROFILE_EXISTS', 'A profile already exists in this folder'),
  PROFILE_NOT_FOUND: factory('PROFILE_NOT_FOUND', 'There is no profile in this folder yet'),
  PROFILE_LOCKED: factory('PROFILE_LOCKED', 'The profile is locked; unlock it with your passphrase first'),
  PROFILE_BUSY: factory('PROFILE_BUSY', 'The profile is busy with another change; try again in a moment'),
  WRONG_PASSPHRASE: factory('WRONG_PASSPHRASE', 'That passphrase is not right'),
  TOO_MANY_ATTEMPTS: factory('TOO_MANY_ATTEMPTS', 'Too many wrong passphrases; please wait before trying again'),
  WEAK_PASSPHRASE: factory('WEAK_PASSPHRASE', 'That passphrase is too short'),
  VAULT_MISSING: factory('VAULT_MISSING', 'This profile’s vault file (vault.hearth) is missing, but its group data is still in the folder. Nothing was changed and no new profile was made. To open it, put vault.hearth back from a backup of this profile; to start a new profile, choose another folder'),
  VAULT_CORRUPT: factory('VAULT_CORRUPT', 'The profile file is damaged and cannot be read; it was left untouched'),
  VAULT_TRUNCATED: factory('VAULT_TRUNCATED', 'The profile file is cut short and cannot be read; it was left untouched'),
  VAULT_VERSION: factory('VAULT_VERSION', 'The profile file was written by a newer version of Hearth'),
  CRYPTO_OPEN_FAILED: factory('CRYPTO_OPEN_FAILED', 'The data could not be decrypted or was altered'),
  CRYPTO_BAD_KEY: factory('CRYPTO_BAD_KEY', 'A key was malformed or unsafe'),
  CRYPTO_BAD_SIGNATURE: factory('CRYPTO_BAD_SIGNATURE', 'A signature did not verify'),
  BLOCK_MALFORMED: factory('BLOCK_MALFORMED', 'A block of group data is malformed and was ignored'),
  BLOCK_TOO_LARGE: factory('BLOCK_TOO_LARGE', 'A block of group data is too large and was ignored'),
  BLOCK_VERSION: factory('BLOCK_VERSION', 'A block was written by a newer version of Hearth'),
  BLOCK_EPOCH_UNKNOWN: factory('BLOCK_EPOCH_UNKNOWN', 'A block is sealed under a key this device does not hold'),
  LOG_NOT_FROZEN: factory('LOG_NOT_FROZEN', 'That device log is not frozen, or its freeze was lifted already'),
  LOG_CORRUPT: factory('LOG_CORRUPT', 'A stored group log is damaged; it was left untouched'),
  STORE_UNAVAILABLE: factory('STORE_UNAVAILABLE', 'The group store could not be opened'),
  LOG_BEHIND: factory('LOG_BEHIND', 'This device lost some of its own recent words in this group (its store was damaged or rolled back). It will not write until it has them back from the group, so it cannot contradict what it wrote before: stay online while another member is online'),
  LOG_UNCONFIRMED: factory('LOG_UNCONFIRMED', 'This profile was moved or restored from a copy. It will not write in this group until another member has shown it how much of its history they hold, so it cannot contradict what it wrote before: go online while another member is online, or, if no other copy of this profile is in use, choose “continue here”'),
  NOT_SYNCED_YET: factory('NOT_SYNCED_YET', 'This group’s history has not arrived on this device yet (nothing is damaged); stay online while another member is online and it will show'),
  GROUP_NOT_FOUND: factory('GROUP_NOT_FOUND', 'There is no such group in this profile'),
  NOT_FOUND: factory('NOT_FOUND', 'That item does not exist'),
  NOT_ALLOWED: factory('NOT_ALLOWED', 'Your role in this group does not allow that'),
  RULES_NOT_ACCEPTED: factory('RULES_NOT_ACCEPTED', "Please read and accept the group's ground rules first"),
  DECISION_CLOSED: factory('DECISION_CLOSED', 'Voting on that decision has closed; the result is final'),
  INVITE_MALFORMED: factory('INVITE_MALFORMED', 'That is not an invite code; check it was copied whole'),
  INVITE_CHECKSUM: factory('INVITE_CHECKSUM', 'That invite code has a typo: one or more characters are wrong'),
  INVITE_VERSION: factory('INVITE_VERSION', 'That invite code was made by a newer version of Hearth'),
  INVITE_EXPIRED: factory('INVITE_EXPIRED', 'That invite has expired; ask for a new one'),
  INVITE_REVOKED: factory('INVITE_REVOKED', 'That invite was withdrawn; ask for a new one'),
  INVITE_USED_UP: factory('INVITE_USED_UP', 'That invite has already been used; ask for a new one'),
  INVITE_DECLINED: factory('INVITE_DECLINED', 'A facilitator declined this request to join'),
  JOIN_ANSWERS_DIFFER: factory('JOIN_ANSWERS_DIFFER', 'Members of the group answered this request differently (each refused it, for different reasons), so this invite may or may not still be good; ask the person who invited you'),
  NO_MEMBER_REACHABLE: factory('NO_MEMBER_REACHABLE', 'No member of the group is online yet; still trying'),
  PEER_REJECTED: factory('PEER_REJECTED', 'A connection was refused because it could not prove group membership'),
  NETWORK_UNAVAILABLE: factory('NETWORK_UNAVAILABLE', 'The network could not be started'),
  ARCHIVE_CORRUPT: factory('ARCHIVE_CORRUPT', 'The archive is damaged or was changed; nothing was imported'),
  ARCHIVE_TRUNCATED: factory('ARCHIVE_TRUNCATED', 'The archive is cut short; nothing was imported'),
  ARCHIVE_VERSION: factory('ARCHIVE_VERSION', 'The archive was made by a newer version of Hearth; nothing was imported'),
  ARCHIVE_PASSPHRASE: factory('ARCHIVE_PASSPHRASE', 'That archive passphrase is not right; nothing was imported'),
  ARCHIVE_INCOMPLETE: factory('ARCHIVE_INCOMPLETE', 'This device does not hold the group’s whole history yet; stay online until it has arrived, then export again'),
  ARCHIVE_GROUP_EXISTS: factory('ARCHIVE_GROUP_EXISTS', 'This profile already holds that group; nothing was imported'),
  HISTORY_ARRIVING: factory('HISTORY_ARRIVING', 'You joined recently and the group’s history is still arriving; this will be ready as soon as it has'),
  EXPORT_CANCELLED: factory('EXPORT_CANCELLED', 'The export was stopped; no file was written'),
  EXPORT_FAILED: factory('EXPORT_FAILED', 'The file could not be written there; nothing was saved'),
  NAME_NOT_ALLOWED: factory('NAME_NOT_ALLOWED', 'That name holds characters that cannot be shown safely (invisible, direction or control characters)'),
  NAME_TAKEN: factory('NAME_TAKEN', 'That name looks the same as another member’s; please choose another'),
  LOG_QUOTA_REACHED: factory('LOG_QUOTA_REACHED', 'This device has written as much in this group as one device may, so nothing more it writes can be shared; you can still read, and the group’s facilitators can see that this device reached the limit'),
  KEEPER_CODE_MALFORMED: factory('KEEPER_CODE_MALFORMED', 'That is not a keeper code; check it was copied whole'),
  KEEPER_CODE_CHECKSUM: factory('KEEPER_CODE_CHECKSUM', 'That keeper code has a typo: one or more characters are wrong'),
  KEEPER_ALREADY_SET: factory('KEEPER_ALREADY_SET', 'The group already has a keeper; remove it before adding another'),
  KEEPER_NOT_FOUND: factory('KEEPER_NOT_FOUND', 'That is not the group’s keeper; nothing was changed'),
} satisfies Record<ErrorCode, Factory>

export function isHearthError(e: unknown): e is HearthError {
  return e instanceof HearthError
}
