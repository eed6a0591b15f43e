/** What surrounds every screen: opening, quick exit and its keys, the cover, the confirm step, German (preview translation). */
import type { shellEn } from '../en/shell.ts'

export const shellDe: Record<keyof typeof shellEn, string> = {
  'app.opening': 'Wird geöffnet…',
  'app.noBridge.title': 'Hearth kann hier nicht starten',
  'app.noBridge.body': 'Dieses Fenster wurde ohne den Hintergrundprozess von Hearth geöffnet und kann dein Profil deshalb nicht erreichen. Schließe es und starte Hearth neu.',
  'quickExit.button': 'Schnell weg',
  'quickExit.help': 'Versteckt Hearth sofort und sperrt es. Du kannst auch dreimal Escape drücken.',
  'cover.title': 'Notizen',
  'cover.empty': 'Noch keine Notizen.',
  'cover.return': 'Zurück',
  'quickExitKeys.title': 'Schnell weg',
  'quickExitKeys.intro': 'Hearth verschwindet sofort und sperrt sich, wenn du:',
  'quickExitKeys.button': 'die Schaltfläche <b>Schnell weg</b> oben auf jeder Seite drückst;',
  'quickExitKeys.escape': 'dreimal schnell <kbd>Escape</kbd> drückst, während Hearth im Vordergrund ist;',
  'quickExitKeys.hotkey': 'in der Desktop-App <kbd>Strg</kbd>+<kbd>Umschalt</kbd>+<kbd>X</kbd> drückst (<kbd>Cmd</kbd>+<kbd>Umschalt</kbd>+<kbd>X</kbd> auf einem Mac), auch wenn ein anderes Fenster vorne ist.',
  'quickExitKeys.limits': 'Beim erneuten Öffnen fragt Hearth nach deiner Passphrase. „Schnell weg“ versteckt Hearth vor jemandem im Raum; vor Überwachungssoftware auf diesem Gerät kann es Hearth nicht verstecken.',
  'confirm.working': 'Wird erledigt…',
}
