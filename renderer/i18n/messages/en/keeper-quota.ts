/** The keeper's quota on the Members screen (issue 15). English, the reference for this area. */
export const keeperQuotaEn = {
  'keeperQuota.full': 'The keeper is full. It takes nothing new from this group, so what is written from now on is not passed on through it. What it already holds is kept. Ask the person who runs it for more space.',
} as const satisfies Record<string, string>
