/**
 * Where a byte budget ends a Hypercore log, from its signed tree (the rule is
 * core/group/log-quota.ts): the index of the first block that does not end within the budget.
 */

/** A Hypercore session as far as the rule needs it (the signed byte length, and seek). */
export interface SeekableCore {
  readonly byteLength: number
  seek(bytes: number, opts?: { wait?: boolean; timeout?: number }): Promise<[number, number] | null>
}

/**
 * E for a log held in Hypercore: Infinity while it is within `budget`, else the index of the
 * block that holds byte `budget`; null when the tree nodes to find it are not held (`wait`
 * false) or could not be fetched.
 */
export async function seekQuotaEnd(core: SeekableCore, budget: number, wait = false): Promise<number | null> {
  if (core.byteLength <= budget) return Infinity
  try {
    const at = await core.seek(budget, wait ? { wait: true, timeout: 10_000 } : { wait: false })
    return at ? at[0] : null
  } catch {
    return null
  }
}
