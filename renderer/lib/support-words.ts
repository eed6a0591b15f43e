/**
 * What to say when a support-feature call fails. For these screens core's own message names the
 * field or the folder that was wrong, so it is shown in the reader's language when the catalogue
 * has that detail (core-details.ts), else as core wrote it in English, or the code's sentence in
 * any other language; everything else gets the
 * app's usual wording (plain-words.ts).
 */
import type { ApiError } from '../../core/api.ts'
import { locale, t } from '../i18n/locale.svelte.ts'
import { detailKey } from './core-details.ts'
import { plainWords } from './plain-words.ts'

const OWN_WORDS = new Set(['NOT_FOUND', 'INVALID_INPUT', 'NOT_ALLOWED', 'EXPORT_FAILED'])

export function supportWords(error: ApiError): string {
  if (!OWN_WORDS.has(error.code)) return plainWords(error)
  const known = detailKey(error)
  if (known) return t(known.key, known.values)
  // A detail the catalogue lacks: core's English only for English readers.
  return locale.tag === 'en' ? `${error.message}.` : plainWords(error)
}
