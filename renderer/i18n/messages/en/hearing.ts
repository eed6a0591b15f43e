/** The sync line's "not heard from" words (issue 13; core/net/peer-hearing.ts). */
export const hearingEn = {
  'hearing.notHeard': 'Not heard from for a few seconds: <bdi>{names}</bdi>. Their computer may be asleep or busy. Still connected; nothing is lost.',
} as const satisfies Record<string, string>
