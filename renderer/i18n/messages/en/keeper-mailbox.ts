/** A join waiting with the group's keeper (issue 15). English, the reference for this area. */
export const keeperMailboxEn = {
  'keeperMailbox.waiting': '<b>Your request is waiting with the group’s keeper.</b> No member is online right now. You will be let in the next time a member is online; keep Hearth open, or open it again later. You do not need to type the code again.',
} as const satisfies Record<string, string>
