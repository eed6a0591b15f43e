/** A newcomer's first page while the group's history arrives (issue 19). English, the reference for this area. */
export const newcomerEn = {
  'newcomer.arriving': 'You joined recently, and the group’s history is still arriving. These are its newest posts; older ones will follow.',
  'newcomer.waiting': 'You joined recently, and the group’s posts are still arriving. They will show here as soon as the newest ones are complete.',
  'newcomer.error.arriving': 'You joined recently, and the group’s history is still arriving. This will be ready as soon as it has.',
  'newcomer.arriving.members': 'You joined recently, and the group’s history is still arriving. This list shows the group as far as it has arrived: it may still show someone who is no longer in the group, and recent changes of role may be missing.',
  'newcomer.arriving.decisions': 'You joined recently, and the group’s history is still arriving. Some decisions and votes may not show here yet; they will as soon as it has arrived.',
  'newcomer.arriving.other': 'You joined recently, and the group’s history is still arriving. What shows here is only what has arrived so far, and it may still change.',
  'newcomer.arriving.removal': 'The group’s history is still arriving on this device: they may already have left, or been removed by someone else, in a part that has not arrived yet.',
  'newcomer.waitingFor': '{count, plural, one {Still waiting for what <bdi>{names}</bdi> wrote. It arrives when <bdi>{names}</bdi>, or someone who already has it, is online.} other {Still waiting for what <bdi>{names}</bdi> wrote. It arrives when one of them, or someone who already has it, is online.}}',
  'newcomer.others': '{count, plural, one {# other} other {# others}}',
  'newcomer.waitingDevices': 'Still waiting for what was written on {count, plural, one {one device} other {# devices}} in the group. It arrives when someone who has it is online.',
} as const satisfies Record<string, string>
