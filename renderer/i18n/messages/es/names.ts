/** Core's stand-in names, Spanish (preview translation). */
import type { NamesKey } from '../en/names.ts'

export const namesEs: Record<NamesKey, string> = {
  'names.former': 'exmiembro del grupo',
}
