/**
 * Invites and joining for one unlocked profile (DESIGN.md §3.4), above the registry: making and
 * withdrawing invites (the code's secret kept in the vault so the inviter can show it again), and
 * joining by code — finding a member on the invite topic, proving the code, and on admission
 * storing the group's keys and going online. A newcomer told "pending" keeps its identity in the
 * vault (`join/<invite id>`), so asking again is the same request. So does one told "waiting"
 * (its request is with the group's keeper, join-race.ts), with the code's secret and its name, so
 * its node resumes the join at every start until a member answers (join-waiting.ts).
 */
import { errors } from '../errors.ts'
import { generateIdentity, identityFromSeed } from '../crypto/identity.ts'
import { randomBytes } from '../crypto/random.ts'
import { wipe } from '../crypto/wipe.ts'
import type { JoinProgress, WebrtcStatus } from '../api.ts'
import { joinLiveOrKeeper } from './join-race.ts'
import type { NetworkOptions } from '../net/holepunch-net.ts'
import type { LogStore } from '../store/log-store.ts'
import type { Vault } from '../store/vault.ts'
import { json, type GroupMeta } from './group-meta.ts'
import { newGroupEntries } from './group-vault.ts'
import type { GroupSpace } from './group-space.ts'
import type { OwedProfiles } from './owed-profile.ts'
import { encodeInviteCode, generateInviteSecret, parseInviteCode } from './invite-code.ts'
import { waitingJoins, type Waiting } from './join-waiting.ts'
import { inviteId, inviteKeyPair, inviteTopic } from './invite-keys.ts'
import { openWelcome, opensWelcome, refusalError } from './join.ts'
import { encodeJoinProof, makeJoinProof } from './join-proof.ts'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

/** What invitations need of the registry (kept as an interface so the two do not import each other). */
export interface InvitationContext {
  readonly vault: Vault
  readonly store: LogStore
  readonly network: NetworkOptions | null
  now(): number
  space(groupId: string): Promise<GroupSpace>
  goOnline(groupId: string, trust?: { members: string[]; logs: string[] }): Promise<unknown>
  onlineOf(groupId: string): Promise<{ refresh(): Promise<void>; peers(): unknown[]; rooms: { status(): WebrtcStatus | null } } | null>
  /** Writes the device's profile once governance names it (owed-profile.ts); later, if the join's wait ends first. */
  readonly profiles: Pick<OwedProfiles, 'write'>
}

export class Invitations {
  private readonly stopping = new AbortController()

  constructor(private readonly reg: InvitationContext) {}

  /** Resumes every join left waiting at a keeper, in the background, until answered or close(). */
  resumeWaiting(onDone: () => void): void {
    if (!this.reg.network) return
    void waitingJoins(this.reg.vault, this.stopping.signal, (w) => this.join(encodeInviteCode(w.secret), w.pseudonym, 600_000, undefined, { resume: { untilAnswered: true, abort: this.stopping.signal } }), onDone)
  }

  /** Stops resumed joins (the profile locks). */
  close(): void {
    this.stopping.abort()
  }

  /**
   * A new invite: a fresh secret whose code is returned (and kept in the vault, so the inviter can
   * show it again), and `invite.create` in governance.
   */
  async create(groupId: string, o: { uses: number; expiresAt: number; role: 'member' | 'facilitator'; approval: boolean }): Promise<{ id: string; code: string; expiresAt: number }> {
    const space = await this.reg.space(groupId)
    const secret = generateInviteSecret()
    const kp = inviteKeyPair(secret)
    const id = inviteId(kp.publicKey)
    wipe(kp.secretKey)
    await this.reg.vault.set(`group/${groupId}/invite/${id}`, secret)
    await space.writeGovernance({
      v: 1, kind: 'invite.create', group: groupId, author: space.me, at: this.reg.now(), seen: space.seen(),
      body: { invite: { id, publicKey: Buffer.from(kp.publicKey).toString('hex'), expiresAt: o.expiresAt, uses: o.uses, role: o.role, approval: o.approval } },
    })
    if (!space.governance.invites.has(id)) throw errors.NOT_ALLOWED('your role may not invite in this group')
    await (await this.reg.onlineOf(groupId))?.refresh()
    return { id, code: encodeInviteCode(secret), expiresAt: o.expiresAt }
  }

  async revoke(groupId: string, id: string): Promise<void> {
    const space = await this.reg.space(groupId)
    if (!space.governance.invites.has(id)) throw errors.NOT_FOUND('no such invite')
    await space.writeGovernance({ v: 1, kind: 'invite.revoke', group: groupId, author: space.me, at: this.reg.now(), seen: space.seen(), body: { inviteId: id } })
    if (!space.governance.invites.get(id)?.revoked) throw errors.NOT_ALLOWED('only the inviter or a facilitator may withdraw an invite')
    await (await this.reg.onlineOf(groupId))?.refresh()
  }

  /**
   * Joins a group by invite code: finds a member on the invite topic or, with the group's
   * signaling address (`signal`, or the device's own), in the invite's WebRTC room
   * (core/net/invite-join.ts), proves the code, and on
   * admission stores the group's keys and goes online. Resolves once governance has arrived or
   * `waitMs` passed (the group then finishes syncing in the background).
   */
  async join(code: string, pseudonym: string, waitMs: number, onProgress?: (p: JoinProgress) => void, how: { signal?: string; resume?: { untilAnswered: true; abort: AbortSignal } } = {}): Promise<{ groupId: string; status: 'admitted' | 'pending' | 'waiting' }> {
    const { signal, resume } = how
    const network = this.reg.network
    if (!network) throw errors.NETWORK_UNAVAILABLE('this node runs without a network')
    const { secret } = parseInviteCode(code)
    const invitePk = inviteKeyPair(secret).publicKey
    const topic = inviteTopic(invitePk)
    // Asking again after "pending" must be the same newcomer: reuse the identity and log name.
    const pendingName = `join/${inviteId(invitePk)}`
    const pending = this.reg.vault.get(pendingName)
    const pendingSeed = this.reg.vault.get(`${pendingName}/identity`)
    const identity = pending && pendingSeed ? identityFromSeed(pendingSeed) : generateIdentity()
    const logName = pending ? (JSON.parse(new TextDecoder().decode(pending)) as { log: string }).log : `m-${hex(randomBytes(12))}`
    const device = this.reg.store.keyFor(logName)
    let looks = 0
    const progress = (state: JoinProgress['state'], more: Pick<JoinProgress, 'peers' | 'webrtc'> = {}): void => {
      try {
        onProgress?.({ state, looks, ...more })
      } catch {
        // a front end's listener must not break the join
      }
    }
    const outcome = await joinLiveOrKeeper(network, {
      topic, timeoutMs: waitMs, invitePublicKey: invitePk, identityKey: identity.signPublicKey, ...resume, ...(signal ? { signal } : {}),
      onProgress: (p) => {
        if (p !== 'connected') looks++
        progress(p === 'connected' ? 'connected' : 'looking')
      },
      proofFor: (groupId, challenge) => encodeJoinProof(makeJoinProof({ groupId, inviteSecret: secret, identity, device, pseudonym, challenge })),
      opens: (sealed, groupId) => opensWelcome(sealed, identity.boxPublicKey, identity.boxSecretKey, groupId),
    })
    if ('waiting' in outcome) {
      const waiting: Waiting = { secret: hex(secret), pseudonym, groupId: outcome.waiting }
      await this.reg.vault.setMany([[`${pendingName}/identity`, identity.seed], [pendingName, json({ log: logName, waiting })]])
      progress('waiting')
      return { groupId: outcome.waiting, status: 'waiting' }
    }
    if (outcome.answer.status === 'refused') {
      if (pending) await this.reg.vault.delete(pendingName)
      throw refusalError(outcome.answer.code)
    }
    if (outcome.answer.status === 'pending') {
      await this.reg.vault.setMany([[`${pendingName}/identity`, identity.seed], [pendingName, json({ log: logName })]])
      return { groupId: outcome.groupId, status: 'pending' }
    }
    const opened = openWelcome(outcome.answer.sealed, identity.boxPublicKey, identity.boxSecretKey, outcome.groupId)
    // The server that let us in is where we meet until governance (or the welcome) names one.
    const w = !opened.webrtc && signal ? { ...opened, webrtc: { signal: [signal], ice: [] } } : opened
    const meta: GroupMeta = { v: 1, id: w.groupId, log: logName, createdAt: this.reg.now(), name: w.name, seedLogs: w.logs, seedMembers: w.members, firstSync: true, ...(w.checkpoints?.length ? { seedCheckpoints: w.checkpoints } : {}), ...(w.webrtc ? { seedWebrtc: w.webrtc } : {}), ...(w.keeper ? { seedKeeper: w.keeper } : {}) }
    const keys = { identity: identity.seed, secret: Buffer.from(w.secret, 'hex'), epochs: w.epochs.map(([n, k]): [number, Uint8Array] => [n, Buffer.from(k, 'hex')]) }
    // The vault keeps copies; these Buffers are views of Node's shared pool, wiped here.
    await this.reg.vault.setMany(newGroupEntries(meta, keys)).finally(() => wipe(keys.secret, ...keys.epochs.map(([, k]) => k)))
    if (pending) {
      await this.reg.vault.delete(pendingName)
      await this.reg.vault.delete(`${pendingName}/identity`)
    }
    progress('admitted')
    await this.reg.goOnline(w.groupId, { members: w.members, logs: w.logs, ...(w.webrtc ? { webrtc: w.webrtc } : {}), ...(w.keeper ? { keeper: w.keeper } : {}) })
    const space = await this.reg.space(w.groupId)
    const deadline = Date.now() + waitMs
    // Ready once governance has arrived far enough to name our own device as a member's.
    const ready = (): boolean => space.groupId !== null && space.governance.knowsLog(space.own.key)
    while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    // The admission already carries the pseudonym; the profile doc only adds the status. If
    // governance comes after the wait, the registry writes it then (owed-profile.ts), so a member
    // who only reads never leaves an empty log that holds every later newcomer's first sync.
    if (ready()) await this.reg.profiles.write(w.groupId, space, true)
    else {
      // JOIN_NOT_SYNCED: say where the search for the group's members stands, so a person (or a
      // bug report) can tell no server, an empty room and connections that never opened apart.
      const online = await this.reg.onlineOf(w.groupId)
      const webrtc = online?.rooms.status()
      progress('unsynced', { peers: online?.peers().length ?? 0, ...(webrtc ? { webrtc } : {}) })
    }
    return { groupId: w.groupId, status: 'admitted' }
  }
}
