/**
 * The service's keeper methods (core/api.ts `setKeeper`). Setting or clearing a group's keeper
 * takes the group off the network and back on, so the new link (or none) starts at once.
 */
import type { MethodHandlers } from '../api.ts'
import type { GroupRegistry } from '../group/group-registry.ts'
import { encodeKeeperCode, parseKeeperCode } from './keeper-code.ts'
import { groupKeeper, setGroupKeeper } from './keeper-setting.ts'

export function keeperHandlers(ctx: { registry(): GroupRegistry; now(): number }): Pick<MethodHandlers, 'setKeeper'> {
  return {
    async setKeeper({ groupId, code }) {
      const key = code === null ? null : parseKeeperCode(code)
      const reg = ctx.registry()
      await reg.space(groupId)
      await setGroupKeeper(reg, groupId, key, ctx.now())
      if (await reg.onlineOf(groupId)) {
        await reg.goOffline(groupId)
        await reg.goOnline(groupId)
      }
      const now = groupKeeper(reg.personal, groupId)
      return { keeper: now ? encodeKeeperCode(now) : null }
    },
  }
}
