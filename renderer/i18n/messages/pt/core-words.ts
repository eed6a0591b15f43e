/**
 * Português (Brazilian; preview): the ground-rule templates Hearth offers and the hotline list's
 * descriptive words, translated from core's English (core/model/data). `from` is the fingerprint of
 * the English each template was made from (renderer/i18n/core-content.ts); numbers and names are
 * not translated.
 */
import type { CoreWords } from '../../content-types.ts'

export const coreWordsPt: CoreWords = {
  templates: {
    'peer-circle': {
      from: '8dd74255',
      title: 'Roda de apoio entre pares',
      summary: 'Para um grupo conduzido por sobreviventes, em que os membros se revezam para cuidar do espaço.',
      rules: [
        'O que é dito aqui fica aqui. Não compartilhe fora do grupo as palavras, o nome ou a história de ninguém, e não salve nem copie nada disso.',
        'Escute sem julgar. Toda história é levada a sério, e ninguém precisa justificar o que fez para ficar em segurança.',
        'Nada de conselho sem pedido. Fale da sua própria experiência (“o que me ajudou foi…”) em vez de dizer aos outros o que fazer.',
        'Dar um tempo é normal. Você pode ler sem escrever, sair de uma conversa ou fazer uma pausa a qualquer momento sem explicar.',
        'Use só o seu nome do grupo. Não compartilhe detalhes que possam identificar você ou outras pessoas: endereços, locais de trabalho, nomes ou escolas das crianças.',
        'Cuidado com detalhes pesados. Coloque um aviso de conteúdo antes de descrever violência, e deixe de fora detalhes explícitos.',
        'Quem facilita cuida do espaço: faz valer estas regras, pode ocultar uma publicação que as descumpra e pode ser procurado em particular sobre qualquer coisa que preocupe você.',
      ],
    },
    'facilitated-group': {
      from: 'dbf4aeae',
      title: 'Grupo de apoio com facilitação',
      summary: 'Para um grupo conduzido por uma psicóloga, um psicólogo ou uma pessoa de um serviço de apoio.',
      rules: [
        'Sigilo: o que os membros compartilham fica no grupo. Antes de tudo, quem facilita explica os poucos limites do sigilo (como um risco à vida de uma criança).',
        'Respeite o ritmo de cada pessoa. Ninguém é convidado a contar mais do que quer.',
        'Escute para entender, não para julgar ou consertar. Dê conselhos só quando alguém pedir.',
        'Fale por você. Compartilhe a sua própria experiência em vez de adivinhar a dos outros.',
        'Fazer uma pausa ou sair é sempre permitido, e ninguém vai perguntar por quê.',
        'Cuidamos uns dos outros: nenhum detalhe que identifique alguém, e um aviso de conteúdo antes de algo que possa doer.',
        'Quem facilita guia o grupo, faz valer estas regras, responde perguntas em particular e indica ajuda profissional quando for preciso. Não é um serviço de crise.',
      ],
    },
    short: {
      from: 'a9134359',
      title: 'Um conjunto curto',
      summary: 'Cinco regras simples para um grupo pequeno que quer começar sem complicação.',
      rules: [
        'O que é compartilhado aqui fica aqui.',
        'Escute sem julgar.',
        'Nada de conselho se ninguém pedir.',
        'Dar um tempo é normal, a qualquer momento.',
        'Quem facilita faz valer estas regras e pode ser procurado em particular.',
      ],
    },
  },
  hotlines: {
    'Hearth is not a crisis service. This list was compiled on 2026-11-24 from the numbers these organisations publish on their own websites (the source of each line is given). It was NOT checked live from this computer, which has no internet access; numbers and hours can change, so check the source when you can. In immediate danger, call your local emergency number.':
      'O Hearth não é um serviço de crise. Esta lista foi feita em 2026-11-24 com os números que estas organizações publicam nos próprios sites (a fonte de cada linha está indicada). Ela NÃO foi conferida ao vivo deste computador, que não tem acesso à internet; números e horários podem mudar, então confira a fonte quando puder. Em perigo imediato, ligue para o número de emergência local.',
    'Canada has no single national domestic-abuse hotline: each province and territory runs its own crisis and shelter lines. The Government of Canada lists them by province and territory.':
      'O Canadá não tem uma única linha nacional contra a violência doméstica: cada província e território tem suas próprias linhas de crise e de abrigo. O Governo do Canadá lista essas linhas por província e território.',
    'This helpline serves England; Scotland, Wales and Northern Ireland have their own services.':
      'Esta linha atende a Inglaterra; Escócia, País de Gales e Irlanda do Norte têm seus próprios serviços.',
    '24 hours, every day': '24 horas, todos os dias',
    '24 hours, every day; free and anonymous': '24 horas, todos os dias; gratuita e anônima',
    '24 hours, every day; free, in many languages': '24 horas, todos os dias; gratuita, em vários idiomas',
    '24 hours, every day; free': '24 horas, todos os dias; gratuita',
    'Text START to 88788': 'Mande START por SMS para 88788',
    '17 (police) or 112': '17 (polícia) ou 112',
    '112 or 999': '112 ou 999',
  },
}
