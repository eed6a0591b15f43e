/**
 * Joins waiting at the group's keeper (join-race.ts), resumed at every start of the node: a
 * newcomer told "waiting" may quit; its vault keeps `join/<invite id>` with the code's secret, the
 * name it chose and the group id the keeper's greeting named (plus the identity and log name the
 * request was made with), and the join runs again, waiting for the answer a member leaves, until
 * it is admitted, refused or told "pending", or the profile locks.
 */
import { HearthError } from '../errors.ts'
import type { Vault } from '../store/vault.ts'

export interface Waiting {
  /** the invite code's secret, hex: the vault is sealed, and the inviter keeps the same */
  secret: string
  pseudonym: string
  groupId: string
}

const NAME = /^join\/[0-9a-f]{32}$/
/** After a failure that is not "nobody answered" (no network yet), before trying again. */
const AGAIN_MS = 5_000

function read(vault: Vault, name: string): Waiting | null {
  try {
    const raw = vault.get(name)
    const w = raw ? (JSON.parse(new TextDecoder().decode(raw)) as { waiting?: Waiting }).waiting : undefined
    return w && typeof w.secret === 'string' && typeof w.pseudonym === 'string' ? w : null
  } catch {
    return null // locked, or not a waiting join
  }
}

export async function waitingJoins(vault: Vault, abort: AbortSignal, join: (w: Omit<Waiting, 'secret'> & { secret: Uint8Array }) => Promise<{ status: string }>, onDone: () => void): Promise<void> {
  let names: string[]
  try {
    names = vault.names().filter((n) => NAME.test(n))
  } catch {
    return
  }
  await Promise.all(names.map(async (name) => {
    for (let w = read(vault, name); w && !abort.aborted; w = read(vault, name)) {
      try {
        const r = await join({ ...w, secret: Uint8Array.from(Buffer.from(w.secret, 'hex')) })
        if (r.status !== 'waiting') return onDone()
      } catch (e) {
        if (abort.aborted || (e instanceof HearthError && e.code !== 'NO_MEMBER_REACHABLE' && e.code !== 'NETWORK_UNAVAILABLE')) return onDone()
        await new Promise((r) => setTimeout(r, AGAIN_MS).unref())
      }
    }
  }))
}
