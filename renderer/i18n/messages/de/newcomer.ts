/** A newcomer's first page while the group's history arrives, German (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerDe: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Das sind ihre neuesten Beiträge; ältere folgen.',
  'newcomer.waiting': 'Du bist der Gruppe vor Kurzem beigetreten, und ihre Beiträge kommen noch an. Sie erscheinen hier, sobald die neuesten vollständig sind.',
  'newcomer.error.arriving': 'Du bist der Gruppe vor Kurzem beigetreten, und ihr Verlauf kommt noch an. Das ist bereit, sobald er angekommen ist.',
  'newcomer.waitingFor': '{count, plural, one {Es fehlt noch, was <bdi>{names}</bdi> geschrieben hat. Es kommt an, sobald <bdi>{names}</bdi> oder jemand, der es schon hat, online ist.} other {Es fehlt noch, was <bdi>{names}</bdi> geschrieben haben. Es kommt an, sobald eine dieser Personen oder jemand, der es schon hat, online ist.}}',
  'newcomer.others': '{count, plural, one {# weitere Person} other {# weitere Personen}}',
  'newcomer.waitingDevices': 'Es fehlt noch, was auf {count, plural, one {einem Gerät} other {# Geräten}} in der Gruppe geschrieben wurde. Es kommt an, sobald jemand, der es hat, online ist.',
}
