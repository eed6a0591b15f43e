/** What surrounds every screen: opening, quick exit and its keys, the cover, the confirm step, French (preview translation). */
import type { shellEn } from '../en/shell.ts'

export const shellFr: Record<keyof typeof shellEn, string> = {
  'app.opening': 'Ouverture…',
  'app.noBridge.title': 'Hearth ne peut pas démarrer ici',
  'app.noBridge.body': 'Cette fenêtre a été ouverte sans le processus d’arrière-plan de Hearth : elle ne peut donc pas atteindre votre profil. Fermez-la et relancez Hearth.',
  'quickExit.button': 'Sortie rapide',
  'quickExit.help': 'Masque Hearth immédiatement et le verrouille. Vous pouvez aussi appuyer trois fois sur Échap.',
  'cover.title': 'Notes',
  'cover.empty': 'Aucune note pour l’instant.',
  'cover.return': 'Revenir',
  'quickExitKeys.title': 'Sortie rapide',
  'quickExitKeys.intro': 'Hearth disparaît immédiatement et se verrouille quand vous :',
  'quickExitKeys.button': 'appuyez sur le bouton <b>Sortie rapide</b> en haut de chaque écran ;',
  'quickExitKeys.escape': 'appuyez trois fois rapidement sur <kbd>Échap</kbd> pendant que Hearth est au premier plan ;',
  'quickExitKeys.hotkey': 'appuyez sur <kbd>Ctrl</kbd>+<kbd>Maj</kbd>+<kbd>X</kbd> (<kbd>Cmd</kbd>+<kbd>Maj</kbd>+<kbd>X</kbd> sur Mac) dans l’application de bureau, même quand une autre fenêtre est au premier plan.',
  'quickExitKeys.limits': 'Rouvrir Hearth demande votre phrase secrète. La sortie rapide cache Hearth à une personne présente dans la pièce ; elle ne peut pas le cacher à un logiciel de surveillance sur cet appareil.',
  'confirm.working': 'En cours…',
}
