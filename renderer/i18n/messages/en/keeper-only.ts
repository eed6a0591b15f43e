/** Keeper-only mode in Settings and the sync line (issue 15). English, the reference for this area. */
export const keeperOnlyEn = {
  'keeperOnly.title': 'Keep your internet address from other members',
  'keeperOnly.switch': 'Sync only through the group’s keeper',
  'keeperOnly.help': 'When this is on, in groups that have a keeper, Hearth connects only to the keeper. Other members never see your internet address, which can show roughly where you are. The cost: when the keeper is switched off, nothing syncs until it is back. Joining a new group still connects you once to the member who lets you in.',
  'keeperOnly.nowOn': 'On. In groups with a keeper, you sync through the keeper alone.',
  'keeperOnly.nowOff': 'Off. You connect to other members directly, so they can see your internet address.',
  'keeperOnly.sync.down': '<b>No keeper reachable.</b> You sync only through the group’s keeper, and it cannot be reached now. Your words stay on this device until it is back.',
  'keeperOnly.sync.note': 'Only through the keeper: other members do not see your internet address.',
} as const satisfies Record<string, string>
