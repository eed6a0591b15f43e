/**
 * Integrity (issue 14), English: this device's own words missing or unconfirmed, a frozen device
 * log and lifting its freeze, a profile whose vault file is gone. Spread into en.ts.
 */
export const integrityEn = {
  'ownLog.behind.title': 'Some of your own words are missing from this device',
  'ownLog.behind.body': 'This device holds {have} of the {expected} pieces you have written in this group. Part of its storage was damaged, or it was put back from an older copy.',
  'ownLog.behind.what': 'Hearth is fetching your words back from other members. Until they are back you cannot write here, so that nothing you already said is ever contradicted. Keep Hearth open while other members are online; nothing else is needed from you.',
  'ownLog.damagedCopy': 'A copy of the damaged file was kept in your profile folder as <b>{file}</b>. You can delete it once your words are back.',
  'ownLog.unconfirmed.title': 'This profile was moved or put back from a backup',
  'ownLog.unconfirmed.body': 'Before you write here, Hearth waits to hear from another member of the group, to be sure this is the newest copy of your profile. Writing from an older copy could make members see two different versions of your words, and your device would be frozen.',
  'ownLog.unconfirmed.what': 'If this is the only copy of your profile you use, and you have not written in this group from another copy since, you can continue here now.',
  'ownLog.continue': 'Continue here',
  'ownLog.confirm': 'Only continue if no other copy of this profile has written in this group since this copy was made. Continue here?',
  'ownLog.confirmYes': 'Yes, continue here',
  'ownLog.cancel': 'Not now',
  'ownLog.continued': 'You can write in this group again from this device.',
  'ownLog.stillBehind': 'Some of your words are still missing here, so Hearth keeps waiting for other members.',

  'frozen.title': 'Frozen devices',
  'frozen.intro': 'When a device changes words it had already shared, Hearth freezes it for everyone: nothing it writes shows. Facilitators can let it speak again. The two versions above stay hidden for good.',
  'frozen.item': 'The device of <bdi>{name}</bdi> is frozen.',
  'frozen.own': 'This is your own device. Another facilitator has to decide about it.',
  'frozen.needsSecond': 'In this group a second facilitator must agree, as for a removal.',
  'frozen.waits': '<bdi>{name}</bdi> asked to let it speak again. It waits for a second facilitator.',
  'frozen.waitsMine': 'You asked to let it speak again. It waits for a second facilitator.',
  'frozen.lift': 'Let the device of <bdi>{name}</bdi> speak again',
  'frozen.agree': 'Agree: let the device of <bdi>{name}</bdi> speak again',
  'frozen.confirm': 'Let the device of <bdi>{name}</bdi> speak again? What it writes from now on will show to everyone. Both versions stay hidden. If it changes its words again, it is frozen again.',
  'frozen.confirmYes': 'Yes, let it speak again',
  'frozen.cancel': 'Cancel',
  'frozen.lifted': 'The device of <bdi>{name}</bdi> can speak again.',
  'frozen.saved': 'Your choice is saved. It counts once a second facilitator agrees.',
  'frozen.liftedItem': 'The device of <bdi>{name}</bdi> speaks again, decided by <bdi>{by}</bdi>.',

  'vaultMissing.title': 'The key file of this profile is missing',
  'vaultMissing.body': 'Hearth found the data of a profile in its folder ({found}), but not the file <b>vault.hearth</b> that unlocks it. Nothing has been changed or deleted.',
  'vaultMissing.what': 'Put vault.hearth back into the profile folder from a backup, then choose “Look again”. Everything will open as before, with the same passphrase.',
  'vaultMissing.noNew': 'Hearth will not make a new profile here: a new profile could never read this data, and it would be lost.',
  'vaultMissing.again': 'Look again',
  'vaultMissing.still': 'vault.hearth is still missing.',
} as const satisfies Record<string, string>
