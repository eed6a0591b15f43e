/**
 * Moderation reasons worded in the renderer from core's parts (ReasonView), English, the
 * reference for this area. A rule of the current rules and "something else" reuse the picker's
 * own keys (`reason.rule`, `reason.other`); only a rule counted from an earlier version of the
 * rules needs its own sentence.
 */
export const reasonsEn = {
  'reasons.earlier': 'Rule {n} of an earlier version of the ground rules',
} as const satisfies Record<string, string>

export type ReasonsKey = keyof typeof reasonsEn
