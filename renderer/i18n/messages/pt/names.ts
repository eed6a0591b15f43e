/** Core's stand-in names, Brazilian Portuguese (preview translation). */
import type { NamesKey } from '../en/names.ts'

export const namesPt: Record<NamesKey, string> = {
  'names.former': 'ex-membro do grupo',
}
