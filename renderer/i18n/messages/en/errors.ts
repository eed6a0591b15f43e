/**
 * Words for the error codes the flat catalogue's `error.*` keys do not cover (issue 18). English,
 * the reference for this area. renderer/lib/plain-words.ts maps EVERY ErrorCode to a key, here or
 * in the flat file, so core's English message never stands in for another language.
 */
export const errorsEn = {
  'errors.UNKNOWN_METHOD': 'Hearth could not do that: this window asked for something it does not know. Restarting Hearth usually fixes it.',
  'errors.UNTRUSTED_SENDER': 'Hearth refused that request because it did not come from Hearth’s own window. Nothing was changed.',
  'errors.VAULT_MISSING': 'Your profile file (vault.hearth) is missing from this folder, but the group data is still there. Nothing was changed. Put vault.hearth back from a backup of this profile, or choose another folder for a new profile.',
  'errors.CRYPTO_OPEN_FAILED': 'Hearth could not unlock that data, or it was changed by someone. Nothing was changed here.',
  'errors.CRYPTO_BAD_KEY': 'A key Hearth was given is damaged or unsafe, so Hearth did not use it.',
  'errors.CRYPTO_BAD_SIGNATURE': 'Something did not carry a valid signature, so Hearth did not trust it.',
  'errors.BLOCK_MALFORMED': 'A piece of the group’s history was damaged, so Hearth set it aside.',
  'errors.BLOCK_TOO_LARGE': 'A piece of the group’s history was too large, so Hearth set it aside.',
  'errors.BLOCK_VERSION': 'A piece of the group’s history was written by a newer version of Hearth. Update Hearth to read it.',
  'errors.BLOCK_EPOCH_UNKNOWN': 'A piece of the group’s history is locked with a key this device does not have, so it cannot be read here.',
  'errors.LOG_CORRUPT': 'Part of this group’s history on this device is damaged. Hearth left it as it is.',
  'errors.LOG_NOT_FROZEN': 'That device is not paused, or its pause was already lifted.',
  'errors.STORE_UNAVAILABLE': 'Hearth could not open this group’s stored history. Restarting Hearth may help.',
  'errors.LOG_BEHIND': 'This device has lost some of what you wrote here recently. So that it never contradicts you, it will not write in this group until it gets those words back: stay online while another member is online.',
  'errors.LOG_UNCONFIRMED': 'This profile was moved or restored from a copy. It will not write in this group until another member shows how much of its history they hold: go online while another member is online, or choose “Continue here” if no other copy of this profile is in use.',
  'errors.NOT_SYNCED_YET': 'This group’s history has not reached this device yet. Nothing is wrong or damaged: stay online while another member is online, and it will appear.',
  'errors.DECISION_CLOSED': 'Voting on that decision has closed. The result is final.',
  'errors.EXPORT_FAILED': 'Hearth could not write the file there. Nothing was saved.',
  'errors.NAME_NOT_ALLOWED': 'That name has hidden characters in it (invisible, direction or control characters) that could mislead others. Please type it again.',
  'errors.NAME_TAKEN': 'That name looks the same as another member’s. Please choose another.',
  'errors.JOIN_ANSWERS_DIFFER': 'Members of the group gave different answers to your request: each said no, but for different reasons. One of them may be mistaken, or may not want you to join. Ask the person who invited you whether the invite is still good.',
} as const satisfies Record<string, string>

export type ErrorsKey = keyof typeof errorsEn
