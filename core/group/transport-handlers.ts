/**
 * The service's transport methods (core/api.ts `transport`, `setTransport`): this device's choice
 * (transport-choice.ts) and the one in force.
 *
 * Changing it takes every group that is online here off the network and puts it back on with the
 * new choice, before the call returns: a group swarm's transports are fixed when it opens, and a
 * reopen is the path unlock already takes. Connections drop for a moment and come back; nothing
 * is written or lost. A run started with a transport of its own keeps it, and nothing reopens.
 */
import type { MethodHandlers, TransportView } from '../api.ts'
import type { GroupRegistry } from './group-registry.ts'
import { storedTransport, TRANSPORT_DOC } from './transport-choice.ts'

type Ctx =  { registry(): GroupRegistry; now(): number }

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
