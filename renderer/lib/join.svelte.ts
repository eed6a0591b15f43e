/**
 * Joining a group with a code someone passed on. Core searches the network for a member who
 * answers on the invite's topic, which can take a while; the phase says where it stands, core's
 * `joinProgress` events how the search goes (how often it looked, whether a member answered), and
 * an error arrives as a code the view puts in plain words.
 */
import type { ApiError, HearthApi, JoinProgress } from '../../core/api.ts'
import { settle } from './call.ts'

export type JoinPhase = 'idle' | 'looking' | 'pending' | 'waiting' | 'admitted' | 'failed'

/** How long to look for a member before saying nobody answered (core's own default). */
export const JOIN_WAIT_MS = 60_000

export class JoinController {
  phase: JoinPhase = $state('idle')
  error: ApiError | null = $state(null)
  /** The latest word from core while looking; null before the first. */
  progress: JoinProgress | null = $state(null)

  readonly #api: HearthApi | null

  constructor(api: HearthApi | null) {
    this.#api = api
  }

  /** Resolves with the group's id once admitted, else null (the phase and error say why). */
  /** `signal`: the group's signaling address, when the inviter gave one beside the code (WebRTC). */
  async join(code: string, pseudonym: string, signal?: string): Promise<string | null> {
    if (!this.#api || this.phase === 'looking') return null
    this.phase = 'looking'
    this.error = null
    this.progress = null
    const off = this.#api.on('joinProgress', (p) => {
      this.progress = p
    })
    const r = await settle(this.#api.joinGroup({ code, pseudonym, waitMs: JOIN_WAIT_MS, ...(signal ? { signal } : {}) })).finally(off)
    if (!r.ok) {
      this.phase = 'failed'
      this.error = r.error
      return null
    }
    this.phase = r.value.status
    return r.value.status === 'admitted' ? r.value.group : null
  }
}
