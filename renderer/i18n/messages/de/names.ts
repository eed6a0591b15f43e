/** Core's stand-in names, German (preview translation). */
import type { NamesKey } from '../en/names.ts'

export const namesDe: Record<NamesKey, string> = {
  'names.former': 'Ex-Mitglied',
}
