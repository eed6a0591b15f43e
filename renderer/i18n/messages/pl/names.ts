/** Core's stand-in names, Polish (preview translation). */
import type { NamesKey } from '../en/names.ts'

export const namesPl: Record<NamesKey, string> = {
  'names.former': 'osoba, która nie jest już w grupie',
  'names.you': 'ty',
}
