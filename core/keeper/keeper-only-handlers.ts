/**
 * The service's keeper-only methods (core/api.ts `keeperOnly`, `setKeeperOnly`): read and change
 * this device's setting (keeper-only.ts), and apply a change at once to every group online here,
 * so turning it on closes member connections before the call returns.
 */
import type { MethodHandlers } from '../api.ts'
import type { GroupRegistry } from '../group/group-registry.ts'
import { isKeeperOnly, setKeeperOnly } from './keeper-only.ts'

type Ctx = { registry(): GroupRegistry; now(): number }

export function keeperOnlyHandlers(ctx: Ctx): Pick<MethodHandlers, 'keeperOnly' | 'setKeeperOnly'> {
  return {
    async keeperOnly() {
      return { on: isKeeperOnly(ctx.registry().personal) }
    },
    async setKeeperOnly({ on }) {
      const reg = ctx.registry()
      await setKeeperOnly(reg.personal, on, ctx.now())
      for (const id of reg.groupIds()) await (await reg.onlineOf(id).catch(() => null))?.setKeeperOnly(on)
      return { on: isKeeperOnly(reg.personal) }
    },
  }
}
