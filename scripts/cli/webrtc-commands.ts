/**
 * `hearth group webrtc` (issue 16): where the group meets over WebRTC, as governance decides it
 * (core/group/webrtc-settings.ts). Without --signal, --ice or --clear it shows the setting and
 * the server this device uses; with them a facilitator replaces the whole setting, and every
 * member's running node moves to it. A TURN username and credential are given once, as
 * --ice-credential USER:SECRET, and go with every turn: or turns: address.
 */
import type { IceServerView, WebrtcSettingView } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import { expectOk, need, opt, unlocked, type Command, type CommandContext } from './commands.ts'

export function list(ctx: CommandContext, name: string): string[] {
  const v = ctx.options[name]
  return Array.isArray(v) ? v.map((s) => s.trim()) : typeof v === 'string' ? [v.trim()] : []
}

function iceServers(ctx: CommandContext): IceServerView[] {
  const cred = opt(ctx, 'ice-credential')
  const at = cred?.indexOf(':') ?? -1
  if (cred !== undefined && at < 1) throw new HearthError('INVALID_INPUT', '--ice-credential wants USER:SECRET')
  return list(ctx, 'ice').map((url) => (cred !== undefined && /^turns?:/.test(url) ? { url, username: cred.slice(0, at), credential: cred.slice(at + 1) } : { url }))
}

export const webrtcCommands: Record<string, Command> = {
  'group webrtc': {
    usage: 'hearth group webrtc --group ID [--signal URL ...] [--ice URL ... [--ice-credential USER:SECRET]] [--clear]',
    summary: 'where the group meets over WebRTC: signaling and STUN/TURN servers (facilitators set them; none unless named)',
    async run(ctx) {
      await unlocked(ctx)
      const groupId = need(ctx, 'group')
      const signal = list(ctx, 'signal')
      const ice = iceServers(ctx)
      if (!ctx.options.clear && signal.length === 0 && ice.length === 0) return expectOk(ctx.service.webrtcSetting({ groupId }))
      if (ctx.options.clear && (signal.length || ice.length)) throw new HearthError('INVALID_INPUT', '--clear takes no --signal or --ice')
      return expectOk(ctx.service.setWebrtc({ groupId, signal, ice }))
    },
    human: (v) => webrtcLines(v as WebrtcSettingView),
  },
}

export function webrtcLines(w: WebrtcSettingView): string {
  const lines = [
    w.signal.length ? `Signaling: ${w.signal.join(', ')}` : 'Signaling: none named (this group does not meet over WebRTC unless a device names its own server).',
    w.ice.length ? `ICE servers: ${w.ice.map((i) => (i.username ? `${i.url} (with a credential)` : i.url)).join(', ')}` : 'ICE servers: none (direct connections only).',
  ]
  if (w.setBy && w.setAt !== null) lines.push(`Set by ${w.setBy.name} on ${new Date(w.setAt).toISOString().slice(0, 10)}.`)
  lines.push(w.using ? `This device meets through ${w.using.server} (${w.using.from === 'device' ? 'its own --signal' : 'the group’s setting'}).` : 'This device does not meet the group over WebRTC now.')
  return lines.join('\n')
}
