/** A person's shown name, with core's English stand-ins ("former member") in the reader's language. */
import { t } from '../i18n/locale.svelte.ts'
import { standInKey } from './stand-in-names.ts'

export function personName(name: string): string {
  const key = standInKey(name)
  return key ? t(key) : name
}
