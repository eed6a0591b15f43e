/** A newcomer's first page while the group's history arrives, Brazilian Portuguese (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerPt: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Você entrou há pouco, e o histórico do grupo ainda está chegando. Estas são as publicações mais recentes; as mais antigas virão depois.',
  'newcomer.waiting': 'Você entrou há pouco, e as publicações do grupo ainda estão chegando. Elas vão aparecer aqui assim que as mais recentes estiverem completas.',
  'newcomer.error.arriving': 'Você entrou há pouco tempo e o histórico do grupo ainda está chegando. Isso estará pronto assim que ele chegar.',
}
