/** Flagging a post, the reasons, and the notice on a hidden post, Brazilian Portuguese (preview translation). */
import type { flaggingEn } from '../en/flagging.ts'

export const flaggingPt: Record<keyof typeof flaggingEn, string> = {
  'flag.label': 'Sinalizar para a facilitação',
  'flag.legend': 'Qual combinado isto quebra?',
  'flag.hint': 'A facilitação vai revisar. Quando {threshold, plural, one {# membro sinalizar} other {# membros diferentes sinalizarem}}, isto fica escondido do grupo até a revisão. Só a facilitação vê quem sinalizou.',
  'flag.more': 'Quer dizer mais, ou não se sente em segurança?',
  'flag.private': 'Escrever em particular para a facilitação',
  'flag.missing': 'Escolha um motivo.',
  'flag.busy': 'Enviando…',
  'flag.submit': 'Sinalizar',
  'flag.cancel': 'Cancelar',
  'reason.rule': 'Combinado {n}: <bdi>{rule}</bdi>',
  'reason.other': 'Outra coisa, que não está nos combinados',
  'reason.otherNoRules': 'Outra coisa (este grupo ainda não tem combinados)',
  'hidden.label': 'Escondido do grupo',
  'hidden.byFlags': '<b>Escondido do grupo.</b> Membros sinalizaram isto, então só você pode ver até que a facilitação revise.',
  'hidden.byFacilitator': '<b>Escondido do grupo.</b> A facilitação escondeu isto, então só você pode ver.',
  'hidden.escalated': 'Também pediram que a remoção seja avaliada.',
  'hidden.why': 'Por quê:',
  'hidden.flags': '<bdi>{reason}</bdi> ({count, plural, one {# sinalização} other {# sinalizações}})',
  'hidden.note': 'A observação da facilitação: “<bdi>{note}</bdi>”',
  'hidden.edit': 'Você pode editar; a facilitação vai ver que você editou. As suas palavras nunca são alteradas por outra pessoa.',
  'hidden.ask': 'Perguntar à facilitação sobre isto',
}
