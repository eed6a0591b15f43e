/** Keeper-only mode in Settings and the sync line, Portuguese (Brazil) (preview translation). */
import type { keeperOnlyEn } from '../en/keeper-only.ts'

export const keeperOnlyPt: Record<keyof typeof keeperOnlyEn, string> = {
  'keeperOnly.title': 'Esconda seu endereço de internet dos outros membros',
  'keeperOnly.switch': 'Sincronizar só pelo guardião do grupo',
  'keeperOnly.help': 'Com isto ligado, nos grupos que têm guardião, o Hearth se conecta só ao guardião. Os outros membros nunca veem seu endereço de internet, que pode mostrar mais ou menos onde você está. O custo: quando o guardião está desligado, nada sincroniza até ele voltar. Ao entrar num grupo novo, você ainda se conecta uma vez com o membro que deixa você entrar.',
  'keeperOnly.nowOn': 'Ligado. Nos grupos com guardião, você sincroniza só pelo guardião.',
  'keeperOnly.nowOff': 'Desligado. Você se conecta direto com os outros membros, então eles podem ver seu endereço de internet.',
  'keeperOnly.sync.down': '<b>Nenhum guardião ao alcance.</b> Você sincroniza só pelo guardião do grupo, e agora não dá para alcançá-lo. Suas palavras ficam neste aparelho até ele voltar.',
  'keeperOnly.sync.note': 'Só pelo guardião: os outros membros não veem seu endereço de internet.',
}
