/**
 * What a newcomer makes of the answers to its join request (issue 14: a hostile member's made-up
 * refusal). Any member reached on an invite's topic or room may answer, and one running modified
 * code can answer "refused" with any code, so one member's refusal is not the group's answer:
 *
 *   - an admission or "pending" ends the search at once; an admission whose welcome does not open
 *     (`opens`) counts as a refusal (PEER_REJECTED), so made-up bytes cannot end it either;
 *   - a refusal is kept, per answering member, and the search goes on;
 *   - the refusals become the answer when the wait ends with nothing better, or earlier once two
 *     or more members refused, no exchange is still running, and one more look, begun after the
 *     last refusal, reached no one new (`settled`).
 *
 * A member is told apart by the key its connection was made with. That is a swarm key of its own
 * (invite-swarm.ts), so a member running modified code could pose as two; what holds whatever it
 * does is that no refusal ends the search while a member found has not answered, nor before one
 * more look. Alike refusals give their code; refusals that differ give JOIN_ANSWERS_DIFFER, so the
 * newcomer learns that members disagreed rather than one member's word.
 */
import type { JoinOutcome } from './join-exchange.ts'

export const ANSWERS_DIFFER = 'JOIN_ANSWERS_DIFFER'

export type Answered = JoinOutcome & { ok: true }

export class JoinAnswers {
  private readonly refusals = new Map<string, Answered>()
  private running = 0
  /** Moves whenever an exchange starts or a refusal arrives: a look that moved it reached someone. */
  private moves = 0

  /** `opens`: whether an admission's sealed welcome opens and checks out for us (join.ts openWelcome). */
  constructor(private readonly opens: (sealed: Uint8Array, groupId: string) => boolean = () => true) {}

  /** An exchange with the member `who` starts. */
  begin(): void {
    this.running++
    this.moves++
  }

  /** The exchange with `who` ended: the outcome if it ends the search, else null (kept if a refusal). */
  end(who: string, o: JoinOutcome): Answered | null {
    this.running = Math.max(0, this.running - 1)
    if (!o.ok) return null
    const bad = o.answer.status === 'admitted' && !this.opens(o.answer.sealed, o.groupId)
    if (o.answer.status !== 'refused' && !bad) return o
    if (!this.refusals.has(who)) this.refusals.set(who, bad ? { ...o, answer: { status: 'refused', code: 'PEER_REJECTED' } } : o)
    this.moves++
    return null
  }

  /** Whether `who` refused already (its swarm key is not dialled again). */
  refused(who: string): boolean {
    return this.refusals.has(who)
  }

  /** A mark to compare after a look: unchanged means the look reached no one new. */
  mark(): number {
    return this.moves
  }

  /** Two or more members refused and no exchange is running: one more look may end the search. */
  get corroborated(): boolean {
    return this.refusals.size >= 2 && this.running === 0
  }

  /** The search may end with the refusals now: corroborated, and nothing moved since `mark`. */
  settled(mark: number): boolean {
    return this.corroborated && this.moves === mark
  }

  /** The refusals as one answer (alike: their code; else JOIN_ANSWERS_DIFFER), or null without any. */
  answer(): Answered | null {
    const all = [...this.refusals.values()]
    const first = all[0]
    if (!first) return null
    const codes = new Set(all.map((o) => (o.answer.status === 'refused' ? o.answer.code : '')))
    return codes.size === 1 ? first : { ...first, answer: { status: 'refused', code: ANSWERS_DIFFER } }
  }
}
