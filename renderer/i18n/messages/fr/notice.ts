/** The safety notice: what Hearth can and cannot protect, French (preview translation). */
import type { noticeEn } from '../en/notice.ts'

export const noticeFr: Record<keyof typeof noticeEn, string> = {
  'notice.title.first': 'Avant de commencer',
  'notice.title.again': 'Ce que Hearth peut protéger, et ce qu’il ne peut pas',
  'notice.does.title': 'Ce que fait Hearth',
  'notice.does.encrypted': 'Tout ce que Hearth garde sur cet ordinateur est chiffré et verrouillé par une phrase secrète que vous seul·e connaissez.',
  'notice.does.messages': 'Les messages de votre groupe sont chiffrés avant de quitter cet ordinateur. Aucun serveur d’entreprise ne les conserve.',
  'notice.does.quickExit': 'La <b>sortie rapide</b> (le bouton en haut de chaque écran, ou trois fois Échap) masque Hearth immédiatement et le verrouille.',
  'notice.does.sleep': 'Hearth se verrouille tout seul quand l’ordinateur se met en veille ou que l’écran se verrouille.',
  'notice.cannot.title': 'Ce contre quoi Hearth ne peut pas protéger',
  'notice.cannot.monitoring': 'Un <b>logiciel de surveillance sur cet appareil</b> (parfois appelé logiciel espion) peut voir ce qui est à l’écran et ce que vous tapez, y compris dans Hearth. Si vous pensez que cet appareil est surveillé, utilisez-en un plus sûr si vous le pouvez, comme un ordinateur de bibliothèque ou celui d’une personne de confiance.',
  'notice.cannot.passphrase': '<b>Une personne qui connaît votre phrase secrète</b>, la devine ou vous voit la taper peut ouvrir votre profil.',
  'notice.cannot.unlocked': 'Tant que Hearth est déverrouillé, toute personne devant cet ordinateur peut le lire. Verrouillez-le ou utilisez la sortie rapide quand vous vous éloignez.',
  'notice.cannot.traces': 'Une personne qui fouille cet ordinateur peut remarquer que Hearth est installé. <b>La désinstallation laisse des traces</b>, comme des dossiers et des entrées dans les journaux du système.',
  'notice.cannot.recovery': '<b>Une phrase secrète oubliée ne peut pas être récupérée</b>, ni par vous ni par personne.',
  'notice.crisis': 'Hearth est un espace d’entraide entre pairs, pas un service d’urgence. Si vous êtes en danger, contactez les services d’urgence locaux.',
  'notice.continue': 'J’ai compris, continuer',
  'notice.back': 'Retour',
}
