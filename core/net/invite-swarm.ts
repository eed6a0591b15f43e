/**
 * Invite topics on the DHT (DESIGN.md §3.4). Every online member of a group announces the topic
 * of each live invite (derived from the invite's public key, core/group/invite-keys.ts), so any
 * of them — not only the inviter — can answer a newcomer. A joiner looks the topic up and runs
 * the join exchange (join-exchange.ts) with whichever member it reaches first.
 *
 * Both sides use a swarm of their own with a fresh random key pair: an invite connection must not
 * reveal the Noise key a member uses on the group topic, and a joiner has no identity yet worth
 * linking to anything.
 *
 * Neither side gives up while it is asked to look (rendezvous.ts): the host re-announces after a
 * wake, and the joiner looks the topic up again with a bounded backoff (1 s, 2 s, then 3 s; after
 * two minutes up to 15 s) until its wait ends, so a joiner who starts before any member is online
 * is found once one arrives. The joiner never announces: holding a leaked code would otherwise
 * tell an abuser the newcomer's address.
 */
import { randomBytes } from '../crypto/random.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { errors } from '../errors.ts'
import { HyperDHT, Hyperswarm, type DiscoverySession, type HyperswarmInstance, type NetworkOptions, type NoiseStream } from './holepunch-net.ts'
import { JoinAnswers, type Answered } from './join-answers.ts'
import { hostJoin, requestJoin, type JoinAnswer } from './join-exchange.ts'
import { Rendezvous } from './rendezvous.ts'

export async function startSwarm(net: NetworkOptions, firewall: (remote: Uint8Array) => boolean = () => false): Promise<{ swarm: HyperswarmInstance; dht: InstanceType<typeof HyperDHT> }> {
  const dht = new HyperDHT({ bootstrap: net.bootstrap, host: net.host })
  try {
    await dht.ready()
  } catch (e) {
    await dht.destroy({ force: true }).catch(() => undefined)
    throw errors.NETWORK_UNAVAILABLE('the DHT node could not start', { cause: e })
  }
  const swarm = new Hyperswarm({ dht, keyPair: fastProvider.signKeyPairFromSeed(randomBytes(32)), firewall })
  return { swarm, dht }
}

/** The member side: answers join requests on the topics of a group's live invites. */
export class InviteHost {
  private readonly joined = new Map<string, DiscoverySession>()
  private closed = false
  private readonly rendezvous: Rendezvous

  private constructor(
    private readonly swarm: HyperswarmInstance,
    private readonly dht: InstanceType<typeof HyperDHT>,
  ) {
    this.rendezvous = new Rendezvous(swarm)
  }

  static async open(
    net: NetworkOptions,
    opts: { groupId: string; newChallenge(): string; decide(proof: Uint8Array, challenge: string): Promise<JoinAnswer | null> },
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
    const fresh = [...want].filter((t) => !this.joined.has(t))
    for (const t of fresh) this.joined.set(t, this.swarm.join(Buffer.from(t, 'hex'), { server: true, client: false }))
    await Promise.all(fresh.map((t) => this.joined.get(t)?.flushed().catch(() => false)))
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.rendezvous.close()
    await this.swarm.destroy().catch(() => undefined)
    await this.dht.destroy({ force: true }).catch(() => undefined)
  }
}

export type JoinProgress = 'looking' | 'looking again' | 'connected'

/**
 * The joiner side: looks up the invite topic, again and again with backoff (rendezvous.ts), and
 * runs the exchange with every member it reaches, until one admits (or answers "pending") or
 * `timeoutMs` passes. A refusal is kept and the search goes on (join-answers.ts says when the
 * refusals become the answer); a refusing member is not dialled again. A dropped connection is
 * no answer.
 */
export async function joinViaInvite(
  net: NetworkOptions,
  opts: {
    topic: Uint8Array; proofFor(groupId: string, challenge: string): Uint8Array; timeoutMs: number; onProgress?(p: JoinProgress): void
    /** Ends the wait with NO_MEMBER_REACHABLE (another way answered: WebRTC, or the keeper's mailbox). */
    stop?: AbortSignal
    /** After the first lookup and the dials it started are over (a member online then would have answered by now). */
    onLooked?(): void
    /** The answers so far, shared with the other ways of this search (invite-join.ts). */
    answers?: JoinAnswers
  },
): Promise<Answered> {
  const answers = opts.answers ?? new JoinAnswers()
  const { swarm, dht } = await startSwarm(net, (remote) => answers.refused(hex(remote)))
  if (opts.stop?.aborted) {
    await swarm.destroy().catch(() => undefined)
    await dht.destroy({ force: true }).catch(() => undefined)
    throw errors.NO_MEMBER_REACHABLE('the join ended another way')
  }
  const rendezvous = new Rendezvous(swarm, { onLook: (why) => why === 'retry' && opts.onProgress?.('looking again') })
  try {
    return await new Promise((resolve, reject) => {
      let settled = false
      const timer = setTimeout(() => {
        const refused = answers.answer()
        finish(refused ? null : errors.NO_MEMBER_REACHABLE('no member answered in time'), refused ?? undefined)
      }, opts.timeoutMs)
      const onStop = (): void => finish(errors.NO_MEMBER_REACHABLE('the join ended another way'))
      opts.stop?.addEventListener('abort', onStop)
      function finish(e: Error | null, outcome?: Answered): void {
        if (settled) return
        settled = true
        clearTimeout(timer)
        opts.stop?.removeEventListener('abort', onStop)
        if (e) reject(e)
        else resolve(outcome as Answered)
      }
      /** Refused by two or more and no one left to ask: one more look, then the refusals answer. */
      const lookOnceMore = async (): Promise<void> => {
        if (!answers.corroborated) return
        const mark = answers.mark()
        await Promise.all([...swarm.topics()].map((d) => d.refresh())).then(() => swarm.flush()).catch(() => undefined)
        const refused = answers.answer()
        if (answers.settled(mark) && refused) finish(null, refused)
      }
      swarm.on('connection', (conn: NoiseStream) => {
        conn.on('error', () => undefined)
        opts.onProgress?.('connected')
        const who = hex(conn.remotePublicKey)
        answers.begin()
        void requestJoin(conn, { proofFor: opts.proofFor }).then((o) => {
          const final = answers.end(who, o)
          if (final) finish(null, final)
          else void lookOnceMore()
        })
      })
      opts.onProgress?.('looking')
      const looking = swarm.join(opts.topic, { server: false, client: true })
      void looking.flushed().then(() => swarm.flush()).then(() => settled || opts.onLooked?.(), () => undefined)
      rendezvous.keepLooking()
    })
  } finally {
    rendezvous.close()
    await swarm.destroy().catch(() => undefined)
    await dht.destroy({ force: true }).catch(() => undefined)
  }
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
