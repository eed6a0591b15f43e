/**
 * Invite topics on the DHT (DESIGN.md §3.4). Every online member of a group announces the topic
 * of each live invite (derived from the invite's public key, core/group/invite-keys.ts), so any
 * of them — not only the inviter — can answer a newcomer. A joiner looks the topic up and runs
 * the join exchange (join-exchange.ts) with whichever member it reaches first.
 *
 * Both sides use a swarm of their own with a fresh random key pair: an invite connection must not
 * reveal the Noise key a member uses on the group topic, and a joiner has no identity yet worth
 * linking to anything.
 */
import { randomBytes } from '../crypto/random.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { errors } from '../errors.ts'
import { HyperDHT, Hyperswarm, type HyperswarmInstance, type NetworkOptions, type NoiseStream } from './holepunch-net.ts'
import { hostJoin, requestJoin, type JoinAnswer, type JoinOutcome } from './join-exchange.ts'

async function startSwarm(net: NetworkOptions): Promise<{ swarm: HyperswarmInstance; dht: InstanceType<typeof HyperDHT> }> {
  const dht = new HyperDHT({ bootstrap: net.bootstrap, host: net.host })
  try {
    await dht.ready()
  } catch (e) {
    await dht.destroy({ force: true }).catch(() => undefined)
    throw errors.NETWORK_UNAVAILABLE('the DHT node could not start', { cause: e })
  }
  const swarm = new Hyperswarm({ dht, keyPair: fastProvider.signKeyPairFromSeed(randomBytes(32)), firewall: () => false })
  return { swarm, dht }
}

/** The member side: answers join requests on the topics of a group's live invites. */
export class InviteHost {
  private readonly joined = new Map<string, { destroy(): Promise<void> }>()
  private closed = false

  private constructor(
    private readonly swarm: HyperswarmInstance,
    private readonly dht: InstanceType<typeof HyperDHT>,
  ) {}

  static async open(
    net: NetworkOptions,
    opts: { groupId: string; newChallenge(): string; decide(proof: Uint8Array, challenge: string): Promise<JoinAnswer> },
  ): Promise<InviteHost> {
    const { swarm, dht } = await startSwarm(net)
    const host = new InviteHost(swarm, dht)
    swarm.on('connection', (conn: NoiseStream) => {
      conn.on('error', () => undefined)
      const challenge = opts.newChallenge()
      void hostJoin(conn, { groupId: opts.groupId, challenge, decide: (proof) => opts.decide(proof, challenge) })
    })
    return host
  }

  /** Announces exactly these invite topics (hex), leaving the others. */
  async setTopics(topics: Iterable<string>): Promise<void> {
    if (this.closed) return
    const want = new Set(topics)
    for (const [t, d] of this.joined) {
      if (!want.has(t)) {
        this.joined.delete(t)
        await d.destroy().catch(() => undefined)
      }
    }
    for (const t of want) {
      if (this.joined.has(t)) continue
      const d = this.swarm.join(Buffer.from(t, 'hex'), { server: true, client: false })
      this.joined.set(t, d)
      await d.flushed().catch(() => false)
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.swarm.destroy().catch(() => undefined)
    await this.dht.destroy({ force: true }).catch(() => undefined)
  }
}

export type JoinProgress = 'looking' | 'connected'

/**
 * The joiner side: looks up the invite topic and runs the exchange with the first member that
 * answers, retrying other connections until one answers or `timeoutMs` passes. A refusal or an
 * admission is final; a dropped connection is not.
 */
export async function joinViaInvite(
  net: NetworkOptions,
  opts: { topic: Uint8Array; proofFor(groupId: string, challenge: string): Uint8Array; timeoutMs: number; onProgress?(p: JoinProgress): void },
): Promise<JoinOutcome & { ok: true }> {
  const { swarm, dht } = await startSwarm(net)
  try {
    return await new Promise((resolve, reject) => {
      let settled = false
      const timer = setTimeout(() => finish(errors.NO_MEMBER_REACHABLE('no member answered in time')), opts.timeoutMs)
      function finish(e: Error | null, outcome?: JoinOutcome & { ok: true }): void {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (e) reject(e)
        else resolve(outcome as JoinOutcome & { ok: true })
      }
      swarm.on('connection', (conn: NoiseStream) => {
        conn.on('error', () => undefined)
        opts.onProgress?.('connected')
        void requestJoin(conn, { proofFor: opts.proofFor }).then((o) => {
          if (o.ok) finish(null, o)
        })
      })
      opts.onProgress?.('looking')
      swarm.join(opts.topic, { server: false, client: true })
    })
  } finally {
    await swarm.destroy().catch(() => undefined)
    await dht.destroy({ force: true }).catch(() => undefined)
  }
}
