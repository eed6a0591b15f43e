/** A newcomer's first page while the group's history arrives, German (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerDe: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Das sind ihre neuesten Beiträge; ältere folgen.',
  'newcomer.waiting': 'Du bist der Gruppe vor Kurzem beigetreten, und ihre Beiträge kommen noch an. Sie erscheinen hier, sobald die neuesten vollständig sind.',
  'newcomer.error.arriving': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Das ist bereit, sobald er angekommen ist.',
  'newcomer.arriving.members': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Diese Liste zeigt die Gruppe so weit, wie er angekommen ist: Vielleicht steht hier noch jemand, der nicht mehr in der Gruppe ist, und neue Rollenwechsel können fehlen.',
  'newcomer.arriving.decisions': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Manche Entscheidungen und Stimmen erscheinen hier vielleicht noch nicht; sie folgen, sobald er angekommen ist.',
  'newcomer.arriving.other': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Was hier steht, ist nur das, was bisher angekommen ist, und kann sich noch ändern.',
  'newcomer.arriving.removal': 'Der Verlauf der Gruppe kommt auf diesem Gerät noch an: Vielleicht hat die Person die Gruppe schon verlassen oder wurde von jemand anderem entfernt, in einem Teil, der noch nicht angekommen ist.',
  'newcomer.waitingFor': '{count, plural, one {Es fehlt noch, was <bdi>{names}</bdi> geschrieben hat. Es kommt an, sobald <bdi>{names}</bdi> oder jemand, der es schon hat, online ist.} other {Es fehlt noch, was <bdi>{names}</bdi> geschrieben haben. Es kommt an, sobald eine dieser Personen oder jemand, der es schon hat, online ist.}}',
  'newcomer.others': '{count, plural, one {# weitere Person} other {# weitere Personen}}',
  'newcomer.waitingDevices': 'Es fehlt noch, was auf {count, plural, one {einem Gerät} other {# Geräten}} in der Gruppe geschrieben wurde. Es kommt an, sobald jemand, der es hat, online ist.',
}
