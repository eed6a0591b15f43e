/** Keeper-only mode in Settings and the sync line, German (preview translation). */
import type { keeperOnlyEn } from '../en/keeper-only.ts'

export const keeperOnlyDe: Record<keyof typeof keeperOnlyEn, string> = {
  'keeperOnly.title': 'Deine Internetadresse vor anderen Mitgliedern verbergen',
  'keeperOnly.switch': 'Nur über den Hüter der Gruppe synchronisieren',
  'keeperOnly.help': 'Wenn das an ist, verbindet sich Hearth in Gruppen mit einem Hüter nur mit dem Hüter. Andere Mitglieder sehen nie deine Internetadresse, die ungefähr zeigen kann, wo du bist. Der Preis: Wenn der Hüter ausgeschaltet ist, wird nichts synchronisiert, bis er wieder da ist. Beim Beitritt zu einer neuen Gruppe verbindest du dich trotzdem einmal mit dem Mitglied, das dich hereinlässt.',
  'keeperOnly.nowOn': 'An. In Gruppen mit einem Hüter synchronisierst du nur über den Hüter.',
  'keeperOnly.nowOff': 'Aus. Du verbindest dich direkt mit anderen Mitgliedern, sie können also deine Internetadresse sehen.',
  'keeperOnly.sync.down': '<b>Kein Hüter erreichbar.</b> Du synchronisierst nur über den Hüter der Gruppe, und er ist gerade nicht erreichbar. Deine Worte bleiben auf diesem Gerät, bis er wieder da ist.',
  'keeperOnly.sync.note': 'Nur über den Hüter: Andere Mitglieder sehen deine Internetadresse nicht.',
}
