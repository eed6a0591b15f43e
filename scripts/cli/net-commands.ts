/**
 * CLI commands that meet the network: a local testnet for demos and tests, `serve` (stay online
 * and sync), invites, joining, and a group's live status. `--bootstrap HOST:PORT[,…]` picks the
 * DHT to meet on (default: the public DHT); a loopback bootstrap also binds to loopback only.
 */
import { createRequire } from 'node:module'
import type { GroupStatus, InviteView, JoinProgress, JoinRequestView, WebrtcStatus } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import type { DhtNodeAddress, NetworkOptions } from '../../core/net/holepunch-net.ts'
import type { HearthService } from '../../core/service.ts'
import { expectOk, need, opt, unlocked, type Command, type CommandContext } from './commands.ts'
import { shown } from './visible.ts'
import { listenOnProfile } from './node-socket.ts'
import { TRANSPORT_CHOICES, type TransportChoice } from '../../core/net/transports.ts'

import { networkOptions } from '../../core/net/bootstrap-option.ts'

export { networkOptions }


/**
 * `--transport hyperswarm|webrtc|both` and `--signal URL` (repeatable; the first is used): this
 * device's own signaling server, over the group's setting (`hearth group webrtc`). Without
 * --transport: the device's stored choice (the app's Settings), both unless changed, WebRTC
 * opening only once a server is named (core/net/transports.ts).
 */
export function transportOptions(transport: string | undefined, signal: string[] | undefined): Pick<NetworkOptions, 'transport' | 'signal'> {
  const urls = (signal ?? []).map((u) => u.trim())
  for (const u of urls) {
    let ok = false
    try {
      const url = new URL(u)
      ok = (url.protocol === 'ws:' || url.protocol === 'wss:') && url.username === '' && url.password === ''
    } catch {
      ok = false
    }
    if (!ok) throw new HearthError('INVALID_INPUT', `--signal wants a ws:// or wss:// address, not "${u}"`)
  }
  if (transport !== undefined && !(TRANSPORT_CHOICES as readonly string[]).includes(transport)) {
    throw new HearthError('INVALID_INPUT', `--transport wants hyperswarm, webrtc or both, not "${transport}"`)
  }
  // Left out, the device's own choice applies (core/group/transport-choice.ts; both unless changed).
  return { ...(transport !== undefined ? { transport: transport as TransportChoice } : {}), ...(urls.length ? { signal: urls } : {}) }
}

/**
 * A join's progress in words, one line each time the search moves on; null for a look that
 * changes nothing worth a line (the first few quick retries say nothing new).
 */
export function joinProgressLine(p: JoinProgress): string | null {
  if (p.state === 'connected') return 'Found a member of the group; asking to join…'
  if (p.state === 'admitted') return 'Let in. Fetching the group from the members…'
  if (p.state === 'waiting') return null // the result line says it
  if (p.state === 'unsynced') return notSyncedLine(p)
  if (p.looks <= 1) return 'Looking for a member of the group who is online…'
  // Every fifth look (about every 15 s at first): often enough to show it is alive, not a flood.
  return p.looks % 5 === 0 ? `No member is online yet; looked ${p.looks} times, still looking.` : null
}

/** JOIN_NOT_SYNCED: let in, but the group's governance had not arrived when the wait ended; where the search stands. */
function notSyncedLine(p: JoinProgress): string {
  const w = p.webrtc
  const webrtc = w ? ` ${webrtcLine(w)}` : ''
  return `JOIN_NOT_SYNCED: let in, but the group has not arrived yet (connected to ${p.peers ?? 0} member device${p.peers === 1 ? '' : 's'}); it goes on arriving while hearth serve runs.${webrtc}`
}

/** Where a group meets over WebRTC, and how that meeting went so far (counts only). */
export function webrtcLine(w: WebrtcStatus): string {
  const where = `WebRTC through ${w.server}${w.from === 'device' ? ' (this device’s own --signal)' : ''}: ${w.signaling ? 'reached' : 'not reached now'}`
  const m = w.meeting
  if (!m) return `${where}.`
  return `${where}; in ${m.rooms} room${m.rooms === 1 ? '' : 's'}, heard ${m.heard} other device${m.heard === 1 ? '' : 's'} there; connections: ${m.tried} tried, ${m.opened} opened, ${m.lost} lost, ${m.refused} refused here, ${m.held} held apart now.`
}

/** The result of `hearth join`; "waiting" is not an error: the join finishes on a later start. */
export function joinedLine(v: { group: string; status: string }): string {
  if (v.status === 'admitted') return `Joined (${v.group}).`
  if (v.status === 'waiting') return "Your request is waiting with the group's keeper; you will be let in the next time a member is online. Run `hearth serve` (or open the app) to finish joining."
  return 'Waiting for a facilitator to approve.'
}

/** "24h", "90m", "7d", "3600s" → milliseconds. */
export function duration(text: string): number {
  const m = /^(\d+)\s*([smhd])$/.exec(text.trim())
  if (!m) throw new HearthError('INVALID_INPUT', `--expires wants a time like 24h, 90m or 7d, not "${text}"`)
  return Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd']
}

export function seconds(ctx: CommandContext, name: string, fallback: number): number {
  const v = opt(ctx, name)
  const n = v === undefined ? fallback : Number(v)
  if (!Number.isFinite(n) || n <= 0) throw new HearthError('INVALID_INPUT', `--${name} wants a number of seconds`)
  return n
}

/** `network`: meets the DHT in-process; `noProfile`: needs no profile; `serves`: becomes the profile's node. */
export const netCommands: Record<string, Command & { network?: boolean; noProfile?: boolean; serves?: boolean }> = {
  testnet: {
    usage: 'hearth testnet [--port P] [--for SECONDS]',
    summary: 'run a local DHT on 127.0.0.1 for demos and tests; prints HOST:PORT to pass as --bootstrap',
    noProfile: true,
    async run(ctx) {
      const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string; port?: number }) => Promise<{ bootstrap: DhtNodeAddress[]; destroy(): Promise<void> }>
      const port = opt(ctx, 'port')
      const net = await createTestnet(3, { host: '127.0.0.1', ...(port ? { port: Number(port) } : {}) })
      const at = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
      process.stdout.write(ctx.options.json ? JSON.stringify({ bootstrap: at }) + '\n' : `${at}\n`)
      await stayUp(seconds(ctx, 'for', 24 * 3600))
      await net.destroy()
      return { bootstrap: at }
    },
    human: () => 'Testnet stopped.',
  },
  serve: {
    usage: 'hearth serve [--for SECONDS] [--bootstrap HOST:PORT] [--transport hyperswarm|webrtc|both] [--signal ws://HOST:PORT]',
    summary: 'stay online, syncing every group, until Ctrl-C (or the time is up); other commands reach it over <profile>/node.sock',
    network: true,
    serves: true,
    async run(ctx) {
      await unlocked(ctx)
      const groups = await expectOk(ctx.service.listGroups({}))
      // Only now, holding the profile's store, can a socket file left here be known to be stale.
      const checkPassphrase = async (passphrase: string): Promise<void> => void (await expectOk(ctx.service.checkPassphrase({ passphrase })))
      const listening = await listenOnProfile({ profileDir: ctx.profileDir, service: ctx.service, checkPassphrase })
      const { socket } = listening
      if (!listening.socket) process.stderr.write(`hearth: ${listening.why}, so other commands on this profile cannot reach this node\n`)
      try {
        process.stdout.write(ctx.options.json
          ? JSON.stringify({ serving: groups.map((g) => g.id), socket: socket?.endpoint ?? null }) + '\n'
          : `Online with ${groups.length} group(s). Ctrl-C to stop.\n`)
        await stayUp(seconds(ctx, 'for', 365 * 24 * 3600), ctx.service)
      } finally {
        await socket?.close()
      }
      return { stopped: true }
    },
    human: () => 'Stopped.',
  },
  'invite create': {
    usage: 'hearth invite create --group ID [--uses N] [--expires 24h] [--approval] [--role member|facilitator]',
    summary: 'make an invite code (shown once: pass it on privately)',
    async run(ctx) {
      await unlocked(ctx)
      const uses = opt(ctx, 'uses')
      const role = opt(ctx, 'role') as 'member' | 'facilitator' | undefined
      return expectOk(ctx.service.createInvite({
        groupId: need(ctx, 'group'), expiresInMs: duration(opt(ctx, 'expires') ?? '24h'),
        ...(uses ? { uses: Number(uses) } : {}), ...(role ? { role } : {}),
        // Without --approval the group's invite rule decides (a member's invite may need one).
        ...(ctx.options.approval === true ? { approval: true } : {}),
      }))
    },
    human: (v) => {
      const i = v as { code: string; expiresAt: number; signal?: string }
      const signal = i.signal ? `\n\nIf their network blocks this app's usual connections, give them the group's signaling address too:\n\n    ${i.signal}\n\n(hearth join CODE --signal ${i.signal})` : ''
      return `Invite code (valid until ${new Date(i.expiresAt).toISOString().slice(0, 16).replace('T', ' ')}):\n\n    ${i.code}${signal}\n\nShare it privately; anyone holding it can ask to join until it is used, expires or is withdrawn.`
    },
  },
  'invite list': {
    usage: 'hearth invite list --group ID',
    summary: "list the group's invites",
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.listInvites({ groupId: need(ctx, 'group') }))
    },
    human: (v) => (v as InviteView[]).map((i) => `${i.id}  ${i.live ? 'live' : i.revoked ? 'withdrawn' : 'used or expired'}  ${i.used}/${i.uses} used, by ${shown(i.byName)}`).join('\n') || 'No invites.',
  },
  'invite revoke': {
    usage: 'hearth invite revoke --group ID --id INVITE_ID',
    summary: 'withdraw an invite',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.revokeInvite({ groupId: need(ctx, 'group'), id: need(ctx, 'id') }))
    },
    human: () => 'Invite withdrawn.',
  },
  join: {
    usage: 'hearth join CODE [--name PSEUDONYM] [--wait SECONDS] [--bootstrap HOST:PORT] [--transport hyperswarm|webrtc|both] [--signal ws://HOST:PORT]',
    summary: 'join a group with an invite code',
    network: true,
    async run(ctx) {
      const code = ctx.positionals.join('')
      if (!code) throw new HearthError('INVALID_INPUT', 'give the invite code: hearth join CODE')
      await unlocked(ctx)
      const name = opt(ctx, 'name')
      // On stderr, so stdout keeps only the result; with --json, one JSON line per event.
      const off = ctx.service.on('joinProgress', (p) => {
        const line = ctx.options.json ? JSON.stringify({ joinProgress: p }) : joinProgressLine(p)
        if (line) process.stderr.write(`${ctx.options.json ? '' : 'hearth: '}${line}\n`)
      })
      try {
        return await expectOk(ctx.service.joinGroup({ code, waitMs: seconds(ctx, 'wait', 60) * 1000, ...(name ? { pseudonym: name } : {}) }))
      } finally {
        off()
      }
    },
    human: (v) => joinedLine(v as { group: string; status: string }),
  },
  requests: {
    usage: 'hearth requests --group ID',
    summary: 'requests to join that wait for a facilitator',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.listRequests({ groupId: need(ctx, 'group') }))
    },
    human: (v) => (v as JoinRequestView[]).map((r) => `${r.id}  ${shown(r.pseudonym)}  ${r.status} (asked through ${shown(r.byName)})`).join('\n') || 'No requests.',
  },
  approve: {
    usage: 'hearth approve --group ID --request ID',
    summary: 'admit a newcomer who is waiting (facilitators)',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.approveRequest({ groupId: need(ctx, 'group'), id: need(ctx, 'request') }))
    },
    human: (v) => `${shown((v as JoinRequestView).pseudonym)} is admitted; they are welcomed the next time they ask.`,
  },
  decline: {
    usage: 'hearth decline --group ID --request ID',
    summary: 'decline a newcomer who is waiting (facilitators)',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.declineRequest({ groupId: need(ctx, 'group'), id: need(ctx, 'request') }))
    },
    human: () => 'Declined.',
  },
  'group status': {
    usage: 'hearth group status --group ID',
    summary: 'who is connected now, as the node serving this profile sees it (see serve)',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.groupStatus({ groupId: need(ctx, 'group') }))
    },
    human: (v) => {
      const s = v as GroupStatus
      if (!s.online) return `Not online (it is online only while hearth serve runs on this profile, once the group is announced).${arrivingText(s)}`
      const held = s.writesHeld ? 'your latest words are held by another member'
        : s.keeper?.holdsMine ? 'your latest words are held by the group’s keeper' : 'your latest words are not yet held by anyone else'
      const k = s.keeper
      const keeper = !k ? '' : k.connected ? ' The keeper is connected.' : k.lastReached ? ` The keeper was last reached ${new Date(k.lastReached).toISOString().slice(0, 16).replace('T', ' ')} UTC.` : ' The keeper has not been reached yet.'
      const quota = (s.quotaReached ?? []).map((q) => ` A device of ${shown(q.name)} has reached the group’s limit: nothing it writes from there on is shown or kept.`).join('')
      const w = s.webrtc
      const webrtc = !w ? '' : ` ${webrtcLine(w)}`
      // Keeper-only (core/keeper/keeper-only.ts): say plainly that nothing syncs without the keeper.
      const only = !k?.only ? '' : k.connected ? ' Keeper-only: you sync through the keeper alone; members do not see your address.' : ' Keeper-only: no keeper is reachable, so nothing syncs until it is back. Members still do not see your address.'
      return `Online; connected: ${s.peers.map(peerText).join(', ') || 'nobody yet'}; ${held}.${keeper}${only}${webrtc}${quota}${arrivingText(s)}`
    },
  },
}

/** Whom a newcomer's history still waits for (core/group/history-wait.ts), or nothing once it is here. */
function arrivingText(s: GroupStatus): string {
  const a = s.arriving
  if (!a) return ''
  const who = a.waitingFor.map((w) => `${shown(w.name)} (${w.blocks ? `${w.blocks.read} of ${w.blocks.of} blocks here` : 'no length told yet'})`)
  if (a.more) who.push(`${a.more} more`)
  return who.length
    ? ` The group’s history is still arriving; waiting for what these wrote: ${who.join(', ')}. It comes from them or from anyone who holds it.`
    : ' The group’s history is still arriving.'
}

/** A connected member, and whether they are not heard from now (core/net/peer-hearing.ts). */
function peerText(p: GroupStatus['peers'][number]): string {
  const over = p.transport === 'webrtc' ? ' over WebRTC' : ''
  if (p.notHeardSince === undefined) return over ? `${shown(p.name)} (${over.trim()})` : shown(p.name)
  const s = Math.max(1, Math.round((Date.now() - p.notHeardSince) / 1000))
  return `${shown(p.name)} (not heard from for ${s} s; still connected${over})`
}

/** Node timers overflow past about 24.8 days and then fire at once, so long stays re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Until the time is up, SIGINT or SIGTERM, or the node locks (a panic wipe over the socket). */
export function stayUp(secondsUp: number, service?: HearthService): Promise<void> {
  return new Promise((resolve) => {
    const deadline = Date.now() + secondsUp * 1000
    let t: NodeJS.Timeout
    const arm = (): void => {
      const left = deadline - Date.now()
      if (left <= 0) return done()
      t = setTimeout(arm, Math.min(left, MAX_TIMER_MS))
    }
    const offLocked = service?.on('locked', done)
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
    arm()
    function done(): void {
      clearTimeout(t)
      offLocked?.()
      process.off('SIGINT', done)
      process.off('SIGTERM', done)
      resolve()
    }
  })
}
