/**
 * The service's keeper methods (core/api.ts `addKeeper`, `removeKeeper`, `keepers`). Adding and
 * removing are governance events (core/group/keeper-rules.ts), written by a facilitator; every
 * member's node follows them (keeper-follow.ts). After writing, the handler waits until this
 * node's own link matches, so a removal has closed the link before the call returns and nothing
 * written afterwards on this device can reach the removed keeper.
 */
import type { KeeperView, MethodHandlers } from '../api.ts'
import { errors } from '../errors.ts'
import type { GroupRegistry } from '../group/group-registry.ts'
import type { GroupSpace } from '../group/group-space.ts'
import { memberName } from '../group/member-names.ts'
import { encodeKeeperCode, parseKeeperCode } from './keeper-code.ts'

type Ctx = { registry(): GroupRegistry; now(): number }
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'))

export function keeperHandlers(ctx: Ctx): Pick<MethodHandlers, 'addKeeper' | 'removeKeeper' | 'keepers'> {
  const facilitatorSpace = async (groupId: string): Promise<GroupSpace> => {
    const s = await ctx.registry().space(groupId)
    if (s.governance.members.get(s.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators add or remove the group’s keeper')
    return s
  }
  const write = async (s: GroupSpace, change: { kind: 'keeper.add'; body: { keeper: string; register: string } } | { kind: 'keeper.remove'; body: { keeper: string } }): Promise<KeeperView[]> => {
    const gov = s.governance
    await s.writeGovernance({ v: 1, ...change, group: gov.groupId, author: s.me, at: ctx.now(), seen: s.seen() })
    await (await ctx.registry().onlineOf(gov.groupId))?.refresh()
    return views(ctx, s)
  }
  return {
    async addKeeper({ groupId, code }) {
      const parsed = parseKeeperCode(code)
      const s = await facilitatorSpace(groupId)
      if (s.governance.keepers.current) throw errors.KEEPER_ALREADY_SET()
      return write(s, { kind: 'keeper.add', body: { keeper: hex(parsed.key), register: hex(parsed.register) } })
    },
    async removeKeeper({ groupId, keeper }) {
      const key = hex(parseKeeperCode(keeper).key)
      const s = await facilitatorSpace(groupId)
      if (s.governance.keepers.current?.key !== key) throw errors.KEEPER_NOT_FOUND()
      return write(s, { kind: 'keeper.remove', body: { keeper: key } })
    },
    async keepers({ groupId }) {
      return views(ctx, await ctx.registry().space(groupId))
    },
  }
}

async function views(ctx: Ctx, s: GroupSpace): Promise<KeeperView[]> {
  const book = s.governance.keepers
  const reach = book.current ? ((await ctx.registry().onlineOf(s.governance.groupId))?.keeperStatus() ?? null) : null
  const who = (member: string): { member: string; name: string } => ({ member, name: memberName(s, member) })
  return book.history.map((k): KeeperView => {
    const current = k === book.current
    return {
      code: encodeKeeperCode({ key: bytes(k.key), register: bytes(k.register) }),
      current,
      addedBy: who(k.by),
      addedAt: k.at,
      ...(k.removed ? { removedBy: who(k.removed.by), removedAt: k.removed.at } : {}),
      ...(current && reach ? { reach } : {}),
    }
  }).reverse()
}
