/** A newcomer's first page while the group's history arrives, French (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerFr: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Vous avez rejoint le groupe récemment et son historique arrive encore. Voici ses publications les plus récentes ; les plus anciennes suivront.',
  'newcomer.waiting': 'Vous avez rejoint le groupe récemment et ses publications arrivent encore. Elles s’afficheront ici dès que les plus récentes seront complètes.',
  'newcomer.error.arriving': 'Vous avez rejoint le groupe récemment et son historique arrive encore. Ce sera prêt dès qu’il sera arrivé.',
  'newcomer.arriving.members': 'Vous avez rejoint le groupe récemment et son historique arrive encore. Cette liste montre le groupe tel qu’il est arrivé jusqu’ici : elle peut encore afficher une personne qui ne fait plus partie du groupe, et des changements de rôle récents peuvent manquer.',
  'newcomer.arriving.decisions': 'Vous avez rejoint le groupe récemment et son historique arrive encore. Certaines décisions et certains votes ne s’affichent peut-être pas encore ici ; ils apparaîtront dès qu’il sera arrivé.',
  'newcomer.arriving.other': 'Vous avez rejoint le groupe récemment et son historique arrive encore. Ce qui s’affiche ici n’est que ce qui est arrivé jusqu’à présent, et peut encore changer.',
  'newcomer.arriving.removal': 'L’historique du groupe arrive encore sur cet appareil : cette personne est peut-être déjà partie, ou a été retirée par quelqu’un d’autre, dans une partie qui n’est pas encore arrivée.',
  'newcomer.waitingFor': '{count, plural, one {Il manque encore ce qu’a écrit <bdi>{names}</bdi>. Cela arrivera dès que <bdi>{names}</bdi>, ou quelqu’un qui l’a déjà, sera en ligne.} other {Il manque encore ce qu’ont écrit <bdi>{names}</bdi>. Cela arrivera dès que l’une de ces personnes, ou quelqu’un qui l’a déjà, sera en ligne.}}',
  'newcomer.others': '{count, plural, one {# autre personne} other {# autres personnes}}',
  'newcomer.waitingDevices': 'Il manque encore ce qui a été écrit sur {count, plural, one {un appareil} other {# appareils}} du groupe. Cela arrivera dès que quelqu’un qui l’a sera en ligne.',
}
