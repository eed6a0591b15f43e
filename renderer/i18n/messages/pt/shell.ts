/** What surrounds every screen: opening, quick exit and its keys, the cover, the confirm step, Brazilian Portuguese (preview translation). */
import type { shellEn } from '../en/shell.ts'

export const shellPt: Record<keyof typeof shellEn, string> = {
  'app.opening': 'Abrindo…',
  'app.noBridge.title': 'O Hearth não consegue iniciar aqui',
  'app.noBridge.body': 'Esta janela foi aberta sem o processo de fundo do Hearth, então não consegue chegar ao seu perfil. Feche-a e abra o Hearth de novo.',
  'quickExit.button': 'Saída rápida',
  'quickExit.help': 'Esconde o Hearth na hora e o bloqueia. Você também pode apertar Escape três vezes.',
  'cover.title': 'Notas',
  'cover.empty': 'Ainda não há notas.',
  'cover.return': 'Voltar',
  'quickExitKeys.title': 'Saída rápida',
  'quickExitKeys.intro': 'O Hearth desaparece na hora e se bloqueia quando você:',
  'quickExitKeys.button': 'aperta o botão <b>Saída rápida</b> no alto de cada tela;',
  'quickExitKeys.escape': 'aperta <kbd>Escape</kbd> três vezes rápido com o Hearth em primeiro plano;',
  'quickExitKeys.hotkey': 'aperta <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> (<kbd>Cmd</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> num Mac) no aplicativo para computador, mesmo com outra janela na frente.',
  'quickExitKeys.limits': 'Ao abrir o Hearth de novo, ele pede a sua frase-senha. A saída rápida esconde o Hearth de alguém que está no mesmo cômodo; não consegue escondê-lo de programas de monitoramento neste dispositivo.',
  'confirm.working': 'Trabalhando nisso…',
}
