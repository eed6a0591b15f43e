/**
 * The transports this device meets its groups on (issue 16), chosen in the app's Settings as
 * `hearth serve --transport` chooses them for the CLI: Hyperswarm, WebRTC, or both (the default,
 * core/net/transports.ts). Kept in the personal doc `transport` (one of the three words; never
 * replicated, sealed like every personal doc). A missing or unknown word reads as the default.
 *
 * A transport given when the node started (`--transport` on the CLI or the web host) wins over the
 * stored choice for that run: the API says which is in force, so the screen can say so.
 *
 * Changing it takes every group that is online here off the network and puts it back on with the
 * new choice, before the call returns: a group swarm's transports are fixed when it opens, and a
 * reopen is the one path that is already tested (it is what unlock does). Connections drop for a
 * moment and come back; nothing is written or lost.
 */
import type { MethodHandlers, TransportView } from '../api.ts'
import { DEFAULT_TRANSPORT, TRANSPORT_CHOICES, type TransportChoice } from '../net/transports.ts'
import type { PersonalDocs } from '../store/personal-docs.ts'
import type { GroupRegistry } from './group-registry.ts'

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

type Ctx = { registry(): GroupRegistry; now(): number }

function view(reg: GroupRegistry): TransportView {
  const choice = storedTransport(reg.personal)
  return { choice, inForce: reg.network?.transport ?? choice }
}

export function transportHandlers(ctx: Ctx): Pick<MethodHandlers, 'transport' | 'setTransport'> {
  return {
    async transport() {
      return view(ctx.registry())
    },
    async setTransport({ choice }) {
      const reg = ctx.registry()
      const before = view(reg).inForce
      await reg.personal.write(TRANSPORT_DOC, choice, ctx.now())
      if (view(reg).inForce !== before) {
        for (const id of reg.groupIds()) {
          if (!(await reg.onlineOf(id).catch(() => null))) continue
          await reg.goOffline(id)
          await reg.goOnline(id).catch(() => null)
        }
      }
      return view(reg)
    },
  }
}
