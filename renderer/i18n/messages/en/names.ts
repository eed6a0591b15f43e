/**
 * Core's stand-in names (renderer/lib/stand-in-names.ts), English, the reference for this area.
 * Lower case: it sits where a name sits, mid-sentence.
 */
export const namesEn = {
  'names.former': 'former member',
} as const satisfies Record<string, string>

export type NamesKey = keyof typeof namesEn
