/** A newcomer's first page while the group's history arrives, Brazilian Portuguese (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerPt: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Você entrou há pouco, e o histórico do grupo ainda está chegando. Estas são as publicações mais recentes; as mais antigas virão depois.',
  'newcomer.waiting': 'Você entrou há pouco, e as publicações do grupo ainda estão chegando. Elas vão aparecer aqui assim que as mais recentes estiverem completas.',
  'newcomer.error.arriving': 'Você entrou há pouco tempo e o histórico do grupo ainda está chegando. Isso estará pronto assim que ele chegar.',
  'newcomer.arriving.members': 'Você entrou há pouco, e o histórico do grupo ainda está chegando. Esta lista mostra o grupo até onde ele chegou: ainda pode aparecer alguém que já não está no grupo, e mudanças recentes de papel podem estar faltando.',
  'newcomer.arriving.decisions': 'Você entrou há pouco, e o histórico do grupo ainda está chegando. Algumas decisões e votos talvez ainda não apareçam aqui; eles vão aparecer assim que ele chegar.',
  'newcomer.arriving.other': 'Você entrou há pouco, e o histórico do grupo ainda está chegando. O que aparece aqui é só o que chegou até agora, e ainda pode mudar.',
  'newcomer.arriving.removal': 'O histórico do grupo ainda está chegando a este dispositivo: essa pessoa talvez já tenha saído, ou já tenha sido removida por outra pessoa, numa parte que ainda não chegou.',
  'newcomer.waitingFor': '{count, plural, one {Ainda falta o que <bdi>{names}</bdi> escreveu. Vai chegar quando <bdi>{names}</bdi>, ou alguém que já tenha, estiver online.} other {Ainda falta o que <bdi>{names}</bdi> escreveram. Vai chegar quando uma dessas pessoas, ou alguém que já tenha, estiver online.}}',
  'newcomer.others': '{count, plural, one {mais # pessoa} other {mais # pessoas}}',
  'newcomer.waitingDevices': 'Ainda falta o que foi escrito em {count, plural, one {um aparelho} other {# aparelhos}} do grupo. Vai chegar quando alguém que tenha isso estiver online.',
}
