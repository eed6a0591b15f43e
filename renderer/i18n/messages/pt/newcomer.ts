/** A newcomer's first page while the group's history arrives, Brazilian Portuguese (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerPt: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Você entrou há pouco, e o histórico do grupo ainda está chegando. Estas são as publicações mais recentes; as mais antigas virão depois.',
  'newcomer.waiting': 'Você entrou há pouco, e as publicações do grupo ainda estão chegando. Elas vão aparecer aqui assim que as mais recentes estiverem completas.',
  'newcomer.error.arriving': 'Você entrou há pouco tempo e o histórico do grupo ainda está chegando. Isso estará pronto assim que ele chegar.',
  'newcomer.waitingFor': '{count, plural, one {Ainda falta o que <bdi>{names}</bdi> escreveu. Vai chegar quando <bdi>{names}</bdi>, ou alguém que já tenha, estiver online.} other {Ainda falta o que <bdi>{names}</bdi> escreveram. Vai chegar quando uma dessas pessoas, ou alguém que já tenha, estiver online.}}',
  'newcomer.others': '{count, plural, one {mais # pessoa} other {mais # pessoas}}',
  'newcomer.waitingDevices': 'Ainda falta o que foi escrito em {count, plural, one {um aparelho} other {# aparelhos}} do grupo. Vai chegar quando alguém que tenha isso estiver online.',
}
