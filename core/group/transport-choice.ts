/**
 * The transports this device meets its groups on (issue 16), chosen in the app's Settings as
 * `hearth serve --transport` chooses them for the CLI: Hyperswarm, WebRTC, or both (the default,
 * core/net/transports.ts). Kept in the personal doc `transport` (one of the three words; never
 * replicated, sealed like every personal doc). A missing or unknown word reads as the default.
 *
 * A transport given when the node started (`--transport` on the CLI or the web host) wins over the
 * stored choice for that run: the API says which is in force, so the screen can say so.
 *
 * Read where a group goes online (group-registry.ts); changed through transport-handlers.ts.
 */
import { DEFAULT_TRANSPORT, TRANSPORT_CHOICES, type TransportChoice } from '../net/transports.ts'
import type { PersonalDocs } from '../store/personal-docs.ts'

export const TRANSPORT_DOC = 'transport'

export function storedTransport(personal: Pick<PersonalDocs, 'read'>): TransportChoice {
  let word: string | null = null
  try {
    word = personal.read(TRANSPORT_DOC)
  } catch {
    word = null
  }
  return (TRANSPORT_CHOICES as readonly (string | null)[]).includes(word) ? (word as TransportChoice) : DEFAULT_TRANSPORT
}
