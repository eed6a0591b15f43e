/**
 * The service's WebRTC setting methods (core/api.ts `setWebrtc`, `webrtcSetting`). Setting is a
 * governance event (webrtc-settings.ts), written by a facilitator; every member's node follows it
 * (meeting-rooms.ts), this one before the call returns.
 */
import type { IceServerView, MethodHandlers, WebrtcSettingView } from '../api.ts'
import { errors } from '../errors.ts'
import type { GroupRegistry } from './group-registry.ts'
import type { GroupSpace } from './group-space.ts'
import { memberName } from './member-names.ts'
import { checkWebrtcSetting, type IceServerSetting } from './webrtc-settings.ts'

type Ctx = { registry(): GroupRegistry; now(): number }

export function webrtcHandlers(ctx: Ctx): Pick<MethodHandlers, 'setWebrtc' | 'webrtcSetting'> {
  return {
    async setWebrtc({ groupId, signal, ice }) {
      const s = await ctx.registry().space(groupId)
      const gov = s.governance
      const body = checkWebrtcSetting({ signal, ice: keepCredentials(ice, gov.webrtc.current.ice) })
      if (gov.members.get(s.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators choose where the group meets over WebRTC')
      await s.writeGovernance({ v: 1, kind: 'webrtc.set', body, group: gov.groupId, author: s.me, at: ctx.now(), seen: s.seen() })
      await (await ctx.registry().onlineOf(gov.groupId))?.refresh()
      return view(ctx, s)
    },
    async webrtcSetting({ groupId }) {
      return view(ctx, await ctx.registry().space(groupId))
    },
  }
}

/**
 * The view never shows a credential back, so a facilitator who changes the setting and leaves a
 * TURN server as it was sends its username without the credential: the one already set for that
 * address and username is kept. Anything else is checked as given.
 */
function keepCredentials(ice: IceServerView[], current: readonly IceServerSetting[]): IceServerView[] {
  return ice.map((i) => {
    if (i.username === undefined || i.credential !== undefined) return i
    const was = current.find((c) => c.url === i.url && c.username === i.username)
    return was?.credential !== undefined ? { ...i, credential: was.credential } : i
  })
}

async function view(ctx: Ctx, s: GroupSpace): Promise<WebrtcSettingView> {
  const w = s.governance.webrtc.current
  const using = (await ctx.registry().onlineOf(s.governance.groupId))?.rooms.status() ?? null
  return {
    signal: [...w.signal],
    // Credentials stay in governance: a screen never shows one back (the app's panel, the CLI).
    ice: w.ice.map(({ url, username, credential }) => ({ url, ...(username !== undefined ? { username } : {}), ...(credential !== undefined ? { hasCredential: true as const } : {}) })),
    setBy: w.by === null ? null : { member: w.by, name: memberName(s, w.by) },
    setAt: w.by === null ? null : w.at,
    using: using ? { server: using.server, from: using.from } : null,
  }
}
