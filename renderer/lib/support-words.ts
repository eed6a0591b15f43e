/**
 * What to say when a support-feature call fails. For these screens core's own message names the
 * field or the folder that was wrong, in plain words, so it is shown as it is; everything else
 * gets the app's usual wording (plain-words.ts).
 */
import type { ApiError } from '../../core/api.ts'
import { plainWords } from './plain-words.ts'

const OWN_WORDS = new Set(['NOT_FOUND', 'INVALID_INPUT', 'NOT_ALLOWED', 'EXPORT_FAILED'])

export function supportWords(error: ApiError): string {
  return OWN_WORDS.has(error.code) ? `${error.message}.` : plainWords(error)
}
