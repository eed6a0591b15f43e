/** A directory entry's kind of help, by the stable id core stores, as the catalogue words it. */
import type { ResourceCategory } from '../../core/api.ts'
import type { MessageKey } from '../i18n/locale.svelte.ts'

export const CATEGORY: Record<ResourceCategory, MessageKey> = {
  legal: 'resources.category.legal',
  counselling: 'resources.category.counselling',
  housing: 'resources.category.housing',
  medical: 'resources.category.medical',
  hotline: 'resources.category.hotline',
  financial: 'resources.category.financial',
}
