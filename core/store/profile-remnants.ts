/**
 * What of a profile is in its folder besides the vault: the group store (`logs/`), the own-log
 * record, local checkpoints, blocks rescued below a freeze (`rescued/`), kept copies of a damaged
 * store. A folder that
 * holds any of these but no vault file is a profile whose vault was lost, not an empty folder:
 * creating a fresh profile there would put a new vault beside data it can never read, so the
 * vault refuses (VAULT_MISSING) and says what it found. Names only; nothing is opened or read.
 */
import fs from 'node:fs/promises'
import { LOG_LENGTHS_FILE } from './log-lengths.ts'
import { RESCUE_DIR } from './rescue-store.ts'

/** Hearth's own names for a profile's data, other than the vault file itself. */
const DATA = new Set(['logs', LOG_LENGTHS_FILE, 'checkpoints', RESCUE_DIR])

/** The entries of `dir` that are a profile's data, sorted; empty for a missing or empty folder. */
export async function profileRemnants(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return []
  }
  // A vault temp file alone is a first creation cut short: it holds no group, so it is no reason to refuse.
  return names.filter((n) => DATA.has(n) || n.startsWith('damaged-store-')).sort()
}
