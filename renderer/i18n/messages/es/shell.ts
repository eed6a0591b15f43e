/** What surrounds every screen: opening, quick exit and its keys, the cover, the confirm step, Spanish (preview translation). */
import type { shellEn } from '../en/shell.ts'

export const shellEs: Record<keyof typeof shellEn, string> = {
  'app.opening': 'Abriendo…',
  'app.noBridge.title': 'Hearth no puede iniciarse aquí',
  'app.noBridge.body': 'Esta ventana se abrió sin el proceso de fondo de Hearth, así que no puede llegar a tu perfil. Ciérrala y vuelve a abrir Hearth.',
  'quickExit.button': 'Salida rápida',
  'quickExit.help': 'Oculta Hearth al instante y lo bloquea. También puedes pulsar Escape tres veces.',
  'cover.title': 'Notas',
  'cover.empty': 'Todavía no hay notas.',
  'cover.return': 'Volver',
  'quickExitKeys.title': 'Salida rápida',
  'quickExitKeys.intro': 'Hearth desaparece al instante y se bloquea cuando:',
  'quickExitKeys.button': 'pulsas el botón <b>Salida rápida</b> en la parte superior de cada pantalla;',
  'quickExitKeys.escape': 'pulsas <kbd>Escape</kbd> tres veces seguidas mientras Hearth está delante;',
  'quickExitKeys.hotkey': 'pulsas <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> (<kbd>Cmd</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> en un Mac) en la aplicación de escritorio, aunque haya otra ventana delante.',
  'quickExitKeys.limits': 'Al abrir Hearth de nuevo se pide tu frase de contraseña. La salida rápida oculta Hearth a alguien que esté en la habitación; no puede ocultarlo de un programa de vigilancia en este dispositivo.',
  'confirm.working': 'Trabajando en ello…',
}
