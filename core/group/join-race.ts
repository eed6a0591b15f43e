/**
 * Joining by code, live or through the keeper (issue 15): the live join on the invite topic
 * (invite-swarm.ts) and the keeper's mailbox (keeper-mailbox-join.ts) run side by side, and
 * whichever answers first wins. A member online answers live. With only the keeper online, the
 * join reports "waiting" once the keeper holds our request and the first live lookup is over
 * without a member (events, not a timer); `untilAnswered` keeps waiting instead, for a newcomer
 * whose node resumes a waiting join at start (invitations.ts). A refusal at the mailbox does not
 * end the live search: it is one member's word, as on the topic (net/join-answers.ts).
 */
import type { NetworkOptions } from '../net/holepunch-net.ts'
import { joinByInvite } from '../net/invite-join.ts'
import type { JoinProgress } from '../net/invite-swarm.ts'
import { DEFAULT_TRANSPORT, usesHyperswarm } from '../net/transports.ts'
import type { JoinAnswer } from '../net/join-exchange.ts'
import { MailboxAsk } from '../keeper/keeper-mailbox-join.ts'

export type RaceResult = { answer: JoinAnswer; groupId: string } | { waiting: string }

export interface RaceOptions {
  topic: Uint8Array
  invitePublicKey: Uint8Array
  identityKey: Uint8Array
  proofFor(groupId: string, challenge: string): Uint8Array
  /** Whether an admission's welcome opens for us: one that does not is a refusal (net/join-answers.ts). */
  opens?(sealed: Uint8Array, groupId: string): boolean
  timeoutMs: number
  onProgress?(p: JoinProgress): void
  untilAnswered?: boolean
  /** The group's signaling address, given with the code (invite-join.ts). */
  signal?: string
  /** Stops the whole wait (the profile locked). */
  abort?: AbortSignal
}

export async function joinLiveOrKeeper(net: NetworkOptions, opts: RaceOptions): Promise<RaceResult> {
  const stop = new AbortController()
  let fromKeeper: { answer: JoinAnswer; groupId: string } | null = null
  let refusedThere: { answer: JoinAnswer; groupId: string } | null = null
  let waitingAt: string | null = null
  let looked = false
  const settle = (): void => {
    if (fromKeeper || opts.abort?.aborted || (waitingAt !== null && looked && !opts.untilAnswered)) stop.abort()
  }
  opts.abort?.addEventListener('abort', settle, { once: true })
  // No DHT for the mailbox is no reason to stop the live join; on WebRTC alone there is no DHT at all.
  const ask = !usesHyperswarm(net.transport ?? DEFAULT_TRANSPORT) ? null : await MailboxAsk.open(net, {
    invitePublicKey: opts.invitePublicKey, identityKey: opts.identityKey, proofFor: opts.proofFor,
    onWaiting: (groupId) => {
      waitingAt = groupId
      settle()
    },
    onAnswer: (answer, groupId) => {
      // A refusal left at the mailbox is one member's word (net/join-answers.ts): the live search
      // goes on, and the refusal answers only if nothing better comes.
      if (answer.status === 'refused' || (answer.status === 'admitted' && opts.opens?.(answer.sealed, groupId) === false)) refusedThere ??= { answer, groupId }
      else fromKeeper = { answer, groupId }
      settle()
    },
  }).catch(() => null)
  try {
    const live = await joinByInvite(net, {
      topic: opts.topic, invitePublicKey: opts.invitePublicKey, proofFor: opts.proofFor, timeoutMs: opts.timeoutMs, stop: stop.signal,
      ...(opts.opens ? { opens: opts.opens } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      onLooked: () => {
        looked = true
        settle()
      },
    })
    return { answer: live.answer, groupId: live.groupId }
  } catch (e) {
    if (fromKeeper) return fromKeeper
    if (refusedThere) return refusedThere
    if (waitingAt !== null) return { waiting: waitingAt }
    throw e
  } finally {
    await ask?.close()
  }
}
