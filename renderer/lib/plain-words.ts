/**
 * What to say when a call fails. Core already writes its messages in plain words; the few codes
 * below get wording that fits the screen they appear on. Never shows a stack or a raw code alone.
 */
import type { ApiError, ErrorCode } from '../../core/api.ts'

const WORDS: Partial<Record<ErrorCode, string>> = {
  WRONG_PASSPHRASE: 'That passphrase did not open your profile. Check for caps lock and try again.',
  TOO_MANY_ATTEMPTS: 'Too many tries in a row. Hearth is pausing before the next one, to slow down guessing.',
  WEAK_PASSPHRASE: 'That passphrase is too short. Use at least 8 characters; a few unrelated words work well.',
  PROFILE_EXISTS: 'There is already a profile on this computer. Unlock it instead.',
  PROFILE_NOT_FOUND: 'There is no profile on this computer yet.',
  PROFILE_BUSY: 'Hearth is still finishing the last step. Please try again in a moment.',
  VAULT_CORRUPT: 'Your profile file is damaged and cannot be opened. Hearth has not changed it.',
  VAULT_TRUNCATED: 'Your profile file is incomplete and cannot be opened. Hearth has not changed it.',
  VAULT_VERSION: 'This profile was made by a newer version of Hearth. Please update Hearth to open it.',
  INTERNAL: 'Something went wrong inside Hearth. Nothing was changed; you can try again.',
  PROFILE_LOCKED: 'Hearth is locked. Unlock it with your passphrase to go on.',
  GROUP_NOT_FOUND: 'That group is not in this profile any more.',
  NOT_FOUND: 'That post or reply is no longer there. It may have been deleted.',
  NOT_ALLOWED: 'Your role in this group does not allow that.',
  RULES_NOT_ACCEPTED: "Please read and accept this group's ground rules before you post or reply.",
  INVALID_INPUT: 'Hearth could not accept that as written. Check what you entered and try again.',
  // Joining with a code: what went wrong, and what the person can do next.
  INVITE_MALFORMED: 'That does not look like an invite code. A code has 32 letters and numbers in groups of four; check that all of it was copied.',
  INVITE_CHECKSUM: 'That code has a mistake in it: a letter or number is wrong, missing or out of place. Check it against the one you were given.',
  INVITE_VERSION: 'That code was made by a newer version of Hearth. Update Hearth, then try again.',
  INVITE_EXPIRED: 'That invite has expired. Ask the person who gave it to you for a new one.',
  INVITE_REVOKED: 'That invite was withdrawn by the group. Ask the person who gave it to you for a new one.',
  INVITE_USED_UP: 'That invite has already been used as many times as it allows. Ask for a new one.',
  INVITE_DECLINED: 'A facilitator did not approve this request to join. If you think that is a mistake, talk to the person who invited you.',
  NO_MEMBER_REACHABLE: 'No member of the group answered. They may all be offline just now, or the invite may no longer be in use. Try again later.',
  PEER_REJECTED: 'A member was found, but the connection was refused. Try again, or ask for a new code.',
  NETWORK_UNAVAILABLE: 'Hearth is not connected to the network here, so it cannot reach the group.',
  // Archives and exports.
  ARCHIVE_CORRUPT: 'That archive is damaged or was changed, so Hearth did not use any of it. Try another copy.',
  ARCHIVE_TRUNCATED: 'That archive is incomplete: the file was cut short. Nothing was restored. Try another copy.',
  ARCHIVE_VERSION: 'That archive was made by a newer version of Hearth. Update Hearth, then try again.',
  ARCHIVE_PASSPHRASE: 'That archive passphrase did not open the archive. It is the one chosen when the archive was saved, not your profile passphrase.',
  ARCHIVE_INCOMPLETE: 'This device does not hold the whole history of the group yet. Stay online for a while so it can arrive, then export again.',
  ARCHIVE_GROUP_EXISTS: 'This profile already has that group, so nothing was restored.',
  EXPORT_CANCELLED: 'The export was stopped. No file was written.',
}

export function plainWords(error: ApiError): string {
  return WORDS[error.code] ?? error.message
}

/** "about 2 minutes", "12 seconds": a wait spoken the way a person would say it. */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`
}
