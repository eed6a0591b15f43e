/**
 * The join exchange, version 1: what a member and a joiner say over one connection found on an
 * invite topic (DESIGN.md §3.4). Protomux channel "hearth/join/v1", raw messages, each starting
 * with its type byte:
 *
 *   1 HELLO   member → joiner   groupId (16) || challenge (32)              49 bytes
 *   2 PROOF   joiner → member   a join proof (core/group/join-proof.ts)    ≤ 4,097 bytes
 *   3 ANSWER  member → joiner   status (1) || body                          ≤ 65,537 bytes
 *             status 1 admitted: body = the welcome, sealed to the joiner's box key
 *             status 2 pending:  body empty (a facilitator must approve; ask again later)
 *             status 3 refused:  body = an error code in ASCII (INVITE_EXPIRED, …)
 *
 * A member that cannot answer (its node cannot write the admission now: `decide` gives null) closes
 * the connection without an ANSWER, so the joiner goes on to another member (invite-swarm.ts).
 *
 * The challenge is fresh per connection and answers one proof, so a proof captured from one
 * exchange is worthless in another. Anything out of order, oversized or malformed ends the
 * connection. Neither side ever throws out of these functions; they resolve with an outcome.
 */
import { concatBytes } from '../bytes.ts'
import { HearthError } from '../errors.ts'
import { Protomux, rawEncoding, type NoiseStream, type ProtomuxChannel } from './holepunch-net.ts'

export const JOIN_PROTOCOL = 'hearth/join/v1'
export const JOIN_TIMEOUT_MS = 15_000
const HELLO = 1
const PROOF = 2
const ANSWER = 3
const MAX_PROOF = 4096
const MAX_ANSWER_BODY = 65_536

export type JoinAnswer =
  | { status: 'admitted'; sealed: Uint8Array }
  | { status: 'pending' }
  | { status: 'refused'; code: string }

export type JoinOutcome = { ok: true; answer: JoinAnswer; groupId: string } | { ok: false; reason: 'timeout' | 'closed' | 'malformed' }

function channelOn(stream: NoiseStream, onmessage: (m: Uint8Array) => void, onopen: () => void, onclose: () => void): ProtomuxChannel | null {
  const channel = Protomux.from(stream).createChannel({ protocol: JOIN_PROTOCOL, messages: [{ encoding: rawEncoding, onmessage }], onopen, onclose })
  channel?.open()
  return channel
}

/** Member side: greets, waits for one proof, and answers with what `decide` says. */
export function hostJoin(
  stream: NoiseStream,
  opts: { groupId: string; challenge: string; decide(proof: Uint8Array): Promise<JoinAnswer | null>; timeoutMs?: number },
): Promise<'answered' | 'aside' | 'timeout' | 'closed' | 'malformed'> {
  return new Promise((resolve) => {
    let done = false
    const timer = setTimeout(() => end('timeout'), opts.timeoutMs ?? JOIN_TIMEOUT_MS)
    timer.unref?.()
    let channel: ProtomuxChannel | null = null
    function end(r: 'answered' | 'aside' | 'timeout' | 'closed' | 'malformed'): void {
      if (done) return
      done = true
      clearTimeout(timer)
      resolve(r)
      if (r !== 'answered') stream.destroy()
    }
    const onmessage = (m: Uint8Array): void => {
      if (done || m[0] !== PROOF || m.length < 2 || m.length > MAX_PROOF + 1) return end('malformed')
      opts.decide(m.subarray(1)).then((answer) => {
        if (done) return
        if (answer === null) return end('aside')
        channel?.messages[0]?.send(encodeAnswer(answer))
        end('answered')
      }, () => end('malformed'))
    }
    try {
      channel = channelOn(stream, onmessage, () => {
        const hello = new Uint8Array(49)
        hello[0] = HELLO
        hello.set(Buffer.from(opts.groupId, 'hex'), 1)
        hello.set(Buffer.from(opts.challenge, 'hex'), 17)
        channel?.messages[0]?.send(hello)
      }, () => end('closed'))
      if (!channel) end('closed')
    } catch {
      end('closed')
    }
  })
}

/** Joiner side: waits for the greeting, sends the proof `proofFor` makes, and returns the answer. */
export function requestJoin(
  stream: NoiseStream,
  opts: { proofFor(groupId: string, challenge: string): Uint8Array; timeoutMs?: number },
): Promise<JoinOutcome> {
  return new Promise((resolve) => {
    let done = false
    let groupId = ''
    let channel: ProtomuxChannel | null = null
    const timer = setTimeout(() => end({ ok: false, reason: 'timeout' }), opts.timeoutMs ?? JOIN_TIMEOUT_MS)
    timer.unref?.()
    function end(o: JoinOutcome): void {
      if (done) return
      done = true
      clearTimeout(timer)
      resolve(o)
      stream.destroy()
    }
    const onmessage = (m: Uint8Array): void => {
      if (done) return
      if (m[0] === HELLO && m.length === 49 && !groupId) {
        groupId = Buffer.from(m.subarray(1, 17)).toString('hex')
        let proof: Uint8Array
        try {
          proof = opts.proofFor(groupId, Buffer.from(m.subarray(17)).toString('hex'))
        } catch (e) {
          return end({ ok: false, reason: e instanceof HearthError ? 'malformed' : 'closed' })
        }
        channel?.messages[0]?.send(concatBytes([Uint8Array.of(PROOF), proof]))
        return
      }
      const answer = m[0] === ANSWER && groupId ? decodeAnswer(m) : null
      end(answer ? { ok: true, answer, groupId } : { ok: false, reason: 'malformed' })
    }
    try {
      channel = channelOn(stream, onmessage, () => undefined, () => end({ ok: false, reason: 'closed' }))
      if (!channel) end({ ok: false, reason: 'closed' })
    } catch {
      end({ ok: false, reason: 'closed' })
    }
  })
}

export function encodeAnswer(a: JoinAnswer): Uint8Array {
  const body = a.status === 'admitted' ? a.sealed : a.status === 'refused' ? new TextEncoder().encode(a.code) : new Uint8Array(0)
  return concatBytes([Uint8Array.of(ANSWER, a.status === 'admitted' ? 1 : a.status === 'pending' ? 2 : 3), body])
}

export function decodeAnswer(m: Uint8Array): JoinAnswer | null {
  const body = m.subarray(2)
  if (m.length < 2 || body.length > MAX_ANSWER_BODY) return null
  if (m[1] === 1 && body.length > 0) return { status: 'admitted', sealed: body.slice() }
  if (m[1] === 2 && body.length === 0) return { status: 'pending' }
  const code = new TextDecoder().decode(body)
  if (m[1] === 3 && /^[A-Z_]{3,40}$/.test(code)) return { status: 'refused', code }
  return null
}
