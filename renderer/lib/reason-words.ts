/**
 * A moderation reason in the reader's language, from the parts core gives (ReasonView). Core's
 * `label` beside them is English, kept for the CLI; the rule's own words stay as the group wrote
 * them, in whatever language that was.
 */
import type { ReasonView } from '../../core/api.ts'
import { t } from '../i18n/locale.svelte.ts'

export function reasonWords(r: ReasonView): string {
  if (r.rule === null) return t('reason.other')
  if (!r.current || r.words === null) return t('reasons.earlier', { n: r.rule })
  return t('reason.rule', { n: r.rule, rule: r.words })
}
