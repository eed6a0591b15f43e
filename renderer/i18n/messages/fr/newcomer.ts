/** A newcomer's first page while the group's history arrives, French (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerFr: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Vous avez rejoint le groupe récemment et son historique arrive encore. Voici ses publications les plus récentes ; les plus anciennes suivront.',
  'newcomer.waiting': 'Vous avez rejoint le groupe récemment et ses publications arrivent encore. Elles s’afficheront ici dès que les plus récentes seront complètes.',
  'newcomer.error.arriving': 'Vous avez rejoint le groupe récemment et son historique arrive encore. Ce sera prêt dès qu’il sera arrivé.',
}
