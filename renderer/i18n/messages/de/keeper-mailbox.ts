/** A join waiting with the group's keeper, German (preview translation). */
import type { keeperMailboxEn } from '../en/keeper-mailbox.ts'

export const keeperMailboxDe: Record<keyof typeof keeperMailboxEn, string> = {
  'keeperMailbox.waiting': '<b>Deine Anfrage wartet beim Hüter der Gruppe.</b> Gerade ist kein Mitglied online. Du wirst hereingelassen, sobald das nächste Mal ein Mitglied online ist; lass Hearth offen oder öffne es später wieder. Du musst den Code nicht noch einmal eingeben.',
}
