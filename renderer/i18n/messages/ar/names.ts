/** Core's stand-in names, Arabic (preview translation). */
import type { NamesKey } from '../en/names.ts'

export const namesAr: Record<NamesKey, string> = {
  'names.former': 'عضو سابق',
}
