/**
 * The name core shows in place of a person's own (core/model/names.ts): "former member" for
 * someone no longer in the group. Core refuses it as a pseudonym (its RESERVED list), so a name
 * equal to it can only be core's stand-in, never a member's chosen name, and the renderer may put
 * it in the reader's language. Core's other stand-in, "you" (a restore's byName when this device's
 * person has no name yet, which a facilitator always has), is left out: dropped into a sentence
 * about a third person it would break the grammar of most languages. Plain TypeScript (no
 * locale), so a unit test can check the reservation.
 */
import type { MessageKey } from '../i18n/messages/en.ts'

export const STAND_INS: Readonly<Record<string, MessageKey>> = {
  'former member': 'names.former',
}

export function standInKey(name: string): MessageKey | null {
  return Object.hasOwn(STAND_INS, name) ? (STAND_INS[name] as MessageKey) : null
}
