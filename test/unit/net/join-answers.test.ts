/**
 * What a newcomer makes of members' answers (core/net/join-answers.ts): one refusal never ends the
 * search, an admission does (unless its welcome does not open), and refusals answer only once two or more members gave them, no
 * exchange is running and a look since reached no one; alike ones keep their code, unlike ones
 * become JOIN_ANSWERS_DIFFER.
 */
import { describe, expect, it } from 'vitest'
import { ANSWERS_DIFFER, JoinAnswers } from '../../../core/net/join-answers.ts'
import type { JoinOutcome } from '../../../core/net/join-exchange.ts'

const groupId = 'a'.repeat(32)
const refused = (code: string): JoinOutcome => ({ ok: true, groupId, answer: { status: 'refused', code } })
const admitted: JoinOutcome = { ok: true, groupId, answer: { status: 'admitted', sealed: Uint8Array.of(1) } }

describe('a newcomer’s answers', () => {
  it('keeps a refusal and goes on; the next member’s admission ends the search', () => {
    const a = new JoinAnswers()
    a.begin()
    expect(a.end('mallory', refused('INVITE_EXPIRED'))).toBeNull()
    expect(a.refused('mallory')).toBe(true)
    expect(a.corroborated).toBe(false)
    a.begin()
    expect(a.end('alder', admitted)).toBe(admitted)
    // At the wait's end, the one refusal is all there is to say.
    expect(a.answer()).toEqual(refused('INVITE_EXPIRED'))
  })

  it('a dropped connection is no answer, and one member refusing twice is one refusal', () => {
    const a = new JoinAnswers()
    a.begin()
    expect(a.end('x', { ok: false, reason: 'closed' })).toBeNull()
    expect(a.answer()).toBeNull()
    for (let i = 0; i < 3; i++) {
      a.begin()
      a.end('mallory', refused('INVITE_EXPIRED'))
    }
    expect(a.corroborated).toBe(false)
  })

  it('two refusals answer only with no exchange running and nothing new since the mark', () => {
    const a = new JoinAnswers()
    a.begin()
    a.begin()
    a.end('mallory', refused('INVITE_EXPIRED'))
    a.begin()
    a.end('alder', refused('INVITE_EXPIRED'))
    expect(a.corroborated).toBe(false) // one exchange still running
    a.end('birch', { ok: false, reason: 'timeout' })
    expect(a.corroborated).toBe(true)
    const mark = a.mark()
    a.begin() // the look reached someone
    expect(a.settled(mark)).toBe(false)
    a.end('cedar', refused('INVITE_EXPIRED'))
    const again = a.mark()
    expect(a.settled(again)).toBe(true)
    expect(a.answer()).toEqual(refused('INVITE_EXPIRED'))
  })

  it('an admission whose welcome does not open is no admission: it counts as a refusal', () => {
    const a = new JoinAnswers((sealed) => sealed[0] === 2)
    a.begin()
    expect(a.end('mallory', admitted)).toBeNull()
    expect(a.answer()).toEqual(refused('PEER_REJECTED'))
    const real: JoinOutcome = { ok: true, groupId, answer: { status: 'admitted', sealed: Uint8Array.of(2) } }
    a.begin()
    expect(a.end('alder', real)).toBe(real)
  })

  it('refusals that differ say so', () => {
    const a = new JoinAnswers()
    for (const [who, code] of [['mallory', 'INVITE_EXPIRED'], ['alder', 'NAME_TAKEN']] as const) {
      a.begin()
      a.end(who, refused(code))
    }
    expect(a.answer()).toEqual(refused(ANSWERS_DIFFER))
  })
})
