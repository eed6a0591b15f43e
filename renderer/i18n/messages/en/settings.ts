/** Group settings with named choices (who may invite; who may save everyone's words). English, the reference. */
export const settingsEn = {
  'groupChoice.busy': 'Saving…',
  'groupChoice.saved': 'Saved.',
  'groupSetting.invite.membersApproved': 'Members, with a facilitator’s approval',
  'groupSetting.invite.membersApprovedHelp': 'Anyone may invite; each newcomer waits until a facilitator lets them in. The safe default.',
  'groupSetting.invite.facilitators': 'Facilitators only',
  'groupSetting.invite.facilitatorsHelp': 'Only facilitators make invites.',
  'groupSetting.invite.members': 'Any member',
  'groupSetting.invite.membersHelp': 'Any member’s invite lets people straight in. Open, and easier for someone unwelcome to get in.',
  'groupSetting.export.facilitators': 'Facilitators only',
  'groupSetting.export.facilitatorsHelp': 'Members save only their own words. The usual ground rule: what is said here stays here.',
  'groupSetting.export.members': 'Any member',
  'groupSetting.export.membersHelp': 'Any member may save everyone’s words as a readable file.',
  'groupSetting.export.sentenceMembers': 'In this group any member may save everyone’s words as a readable file. Each time, every member can see it happened.',
  'groupSetting.export.sentenceFacilitators': 'In this group only facilitators save everyone’s words as a readable file; each time, every member can see it happened. You can always save your own words.',
} as const satisfies Record<string, string>
