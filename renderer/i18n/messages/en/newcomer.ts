/** A newcomer's first page while the group's history arrives (issue 19). English, the reference for this area. */
export const newcomerEn = {
  'newcomer.arriving': 'You joined recently, and the group’s history is still arriving. These are its newest posts; older ones will follow.',
  'newcomer.waiting': 'You joined recently, and the group’s posts are still arriving. They will show here as soon as the newest ones are complete.',
  'newcomer.error.arriving': 'You joined recently, and the group’s history is still arriving. This will be ready as soon as it has.',
} as const satisfies Record<string, string>
