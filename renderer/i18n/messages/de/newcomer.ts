/** A newcomer's first page while the group's history arrives, German (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerDe: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Das sind ihre neuesten Beiträge; ältere folgen.',
  'newcomer.waiting': 'Du bist der Gruppe vor Kurzem beigetreten, und ihre Beiträge kommen noch an. Sie erscheinen hier, sobald die neuesten vollständig sind.',
  'newcomer.error.arriving': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Das ist bereit, sobald er angekommen ist.',
}
