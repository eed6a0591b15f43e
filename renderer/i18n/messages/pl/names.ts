/** Core's stand-in names, Polish (preview translation). */
import type { NamesKey } from '../en/names.ts'

export const namesPl: Record<NamesKey, string> = {
  'names.former': 'była osoba członkowska',
}
