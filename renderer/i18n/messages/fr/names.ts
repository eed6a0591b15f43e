/** Core's stand-in names, French (preview translation). */
import type { NamesKey } from '../en/names.ts'

export const namesFr: Record<NamesKey, string> = {
  'names.former': 'ex-membre du groupe',
}
