/** A newcomer's first page while the group's history arrives, Polish (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerPl: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Jesteś w grupie od niedawna, a jej historia wciąż dociera. To jej najnowsze wpisy; starsze pojawią się później.',
  'newcomer.waiting': 'Jesteś w grupie od niedawna, a jej wpisy wciąż docierają. Pojawią się tutaj, gdy tylko najnowsze będą kompletne.',
  'newcomer.error.arriving': 'Jesteś w grupie od niedawna, a jej historia wciąż dociera. Będzie to gotowe, gdy tylko dotrze.',
}
