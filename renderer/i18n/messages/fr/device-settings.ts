/** This device's settings and the language picker, French (preview translation). */
import type { deviceSettingsEn } from '../en/device-settings.ts'

export const deviceSettingsFr: Record<keyof typeof deviceSettingsEn, string> = {
  'language.label': 'Langue',
  'language.system': 'Comme sur cet ordinateur ({name})',
  'language.preview': '{name} (version préliminaire)',
  'language.help': 'Conservé sur cet appareil uniquement. Les traductions marquées « version préliminaire » n’ont pas encore été relues par des intervenantes et intervenants de langue maternelle.',
  'settings.back': 'Retour à vos groupes',
  'settings.title': 'Réglages',
  'settings.form': 'Verrouillage et notifications',
  'settings.lockLabel': 'Verrouiller Hearth après ce nombre de minutes sans utilisation',
  'settings.lockBad': 'Choisissez un nombre entier de minutes entre {min} et {max}.',
  'settings.lockHelp': 'Sans frappe, clic ni défilement pendant ce temps, Hearth se verrouille, et le rouvrir demande votre phrase secrète. Plus court est plus sûr sur un ordinateur partagé.',
  'settings.notifications': 'Notifications',
  'settings.notify.private': '<b>Du nouveau</b> : seulement « Du nouveau dans Hearth ». Ni groupe, ni noms, ni mots.',
  'settings.notify.groupName': '<b>Nom du groupe seulement</b> : « Du nouveau dans » et le nom du groupe. Jamais qui a écrit ni quoi.',
  'settings.notify.off': '<b>Désactivées</b> : ne jamais afficher de notification.',
  'settings.notifyHelp': 'L’application de bureau affiche une notification quand quelque chose de nouveau arrive pendant que Hearth est en arrière-plan, au plus une par groupe jusqu’à ce que vous regardiez. Un groupe dont vous vous mettez en retrait reste silencieux. Toute personne près de votre écran peut voir une notification : le nom du groupe n’apparaît donc que si vous le choisissez.',
  'settings.saved': 'Enregistré.',
  'settings.busy': 'Enregistrement…',
  'settings.submit': 'Enregistrer les réglages',
}
