/** What the API says about a group's keeper (core/keeper/, issue 15). */

/** One keeper the group has or had, as governance records it, with what this device sees of it. */
export interface KeeperView {
  /** The keeper's code (its public key, checked): how people name it, and what `removeKeeper` takes. */
  code: string
  /** The group's keeper now; false for one removed earlier. */
  current: boolean
  addedBy: { member: string; name: string }
  addedAt: number
  removedBy?: { member: string; name: string }
  removedAt?: number
  /**
   * The current keeper as this device sees it, while the group is online here: connected now,
   * when it was last reached (ms; kept across restarts), whether it holds all of our own log, how
   * many blocks of the group's logs it says it holds (its replication peers' lengths), and a
   * code when it does not serve us (`refused`, as in GroupStatus.keeper). `full`: the keeper said
   * it is past its quota for this group and takes nothing new of it
   * (core/keeper/keeper-status.ts); what it holds stays.
   */
  reach?: { connected: boolean; lastReached: number | null; holdsMine: boolean; blocksHeld: number; full?: true; refused?: string }
}
