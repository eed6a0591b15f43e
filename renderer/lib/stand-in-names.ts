/**
 * The names core shows in place of a person's own (core/model/names.ts): "former member" for
 * someone no longer in the group, "you" for this device's person where core words it. Core
 * refuses both as pseudonyms (its RESERVED list), so a name equal to one of these can only be
 * core's stand-in, never a member's chosen name, and the renderer may put it in the reader's
 * language. Plain TypeScript (no locale), so a unit test can check the reservation.
 */
import type { MessageKey } from '../i18n/messages/en.ts'

export const STAND_INS: Readonly<Record<string, MessageKey>> = {
  'former member': 'names.former',
  you: 'names.you',
}

export function standInKey(name: string): MessageKey | null {
  return Object.hasOwn(STAND_INS, name) ? (STAND_INS[name] as MessageKey) : null
}
