/**
 * Which keeper a member's node uses for a group, slice 1 of issue 15: a member's own setting, kept
 * in the personal doc `keeper.<groupId>` (the keeper's key as 64 hex characters, or empty for
 * none; never replicated). Governance (`keeper.add` / `keeper.remove`, so every member agrees)
 * replaces it in a later slice; docs/decisions.md says why it starts here.
 */
import type { PersonalDocs } from '../store/personal-docs.ts'

export const keeperDocName = (groupId: string): string => `keeper.${groupId}`

export function groupKeeper(personal: Pick<PersonalDocs, 'read'>, groupId: string): Uint8Array | null {
  let text: string | null = null
  try {
    text = personal.read(keeperDocName(groupId))
  } catch {
    return null
  }
  return text && /^[0-9a-f]{64}$/.test(text) ? Uint8Array.from(Buffer.from(text, 'hex')) : null
}

export async function setGroupKeeper(reg: { personal: Pick<PersonalDocs, 'write'> }, groupId: string, key: Uint8Array | null, now: number): Promise<void> {
  await reg.personal.write(keeperDocName(groupId), key ? Buffer.from(key).toString('hex') : '', now)
}
