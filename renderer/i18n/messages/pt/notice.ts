/** The safety notice: what Hearth can and cannot protect, Brazilian Portuguese (preview translation). */
import type { noticeEn } from '../en/notice.ts'

export const noticePt: Record<keyof typeof noticeEn, string> = {
  'notice.title.first': 'Antes de começar',
  'notice.title.again': 'O que o Hearth pode e não pode proteger',
  'notice.does.title': 'O que o Hearth faz',
  'notice.does.encrypted': 'Tudo o que o Hearth guarda neste computador é criptografado e trancado com uma frase-senha que só você conhece.',
  'notice.does.messages': 'As mensagens do seu grupo são criptografadas antes de saírem deste computador. Nenhum servidor de empresa as guarda.',
  'notice.does.quickExit': 'A <b>saída rápida</b> (o botão no alto de cada tela, ou Escape três vezes) esconde o Hearth na hora e o bloqueia.',
  'notice.does.sleep': 'O Hearth se bloqueia sozinho quando o computador entra em suspensão ou a tela é bloqueada.',
  'notice.cannot.title': 'Contra o que o Hearth não pode proteger',
  'notice.cannot.monitoring': '<b>Programas de monitoramento neste dispositivo</b> (às vezes chamados de stalkerware) podem ver o que está na tela e o que você digita, também no Hearth. Se você acha que este dispositivo pode estar sendo vigiado, use um mais seguro se puder, como um computador de biblioteca ou de uma pessoa de confiança.',
  'notice.cannot.passphrase': '<b>Quem souber a sua frase-senha</b>, a adivinhar ou vir você digitá-la pode abrir o seu perfil.',
  'notice.cannot.unlocked': 'Enquanto o Hearth está desbloqueado, qualquer pessoa neste computador pode lê-lo. Bloqueie-o ou use a saída rápida quando se afastar.',
  'notice.cannot.traces': 'Quem vasculhar este computador pode notar que o Hearth está instalado. <b>Desinstalar deixa rastros</b>, como pastas e entradas nos próprios registros do sistema.',
  'notice.cannot.recovery': '<b>Uma frase-senha esquecida não pode ser recuperada</b>, nem por você nem por mais ninguém.',
  'notice.crisis': 'O Hearth é um espaço de apoio entre pares, não um serviço de crise. Se você estiver em perigo, procure os serviços de emergência locais.',
  'notice.continue': 'Entendi, continuar',
  'notice.back': 'Voltar',
}
