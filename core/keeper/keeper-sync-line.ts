/**
 * The keeper's side of a group's sync line (`groupStatus.keeper`): whether the link is up, when
 * the keeper was last reached, whether it holds all of this device's own log, what it holds of
 * the group, and why it does not serve us if it refused. Null when the group has no keeper here.
 */
import type { HypercoreSession } from '../store/holepunch.ts'
import type { KeeperLink } from './keeper-link.ts'

export interface KeeperSyncLine {
  connected: boolean
  lastReached: number | null
  holdsMine: boolean
  blocksHeld: number
  full?: true
  only: boolean
  refused?: string
  mailboxes?: number
}

export function keeperSyncLine(k: KeeperLink | null, own: HypercoreSession | undefined, sessions: Iterable<HypercoreSession>, only: boolean, mailboxes: number): KeeperSyncLine | null {
  // In keeper-only mode a keeper whose link could not open is still the only way: say it is unreachable.
  if (!k) return only ? { connected: false, lastReached: null, holdsMine: false, blocksHeld: 0, only } : null
  return {
    connected: k.connected(), lastReached: k.lastReached, holdsMine: own ? own.length === 0 || k.holds(own) : false,
    blocksHeld: k.blocksHeld(sessions), ...(k.status?.full ? { full: true as const } : {}), ...(k.refusal ? { refused: k.refusal } : {}), only, mailboxes,
  }
}
