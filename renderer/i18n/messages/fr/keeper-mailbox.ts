/** A join waiting with the group's keeper, French (preview translation). */
import type { keeperMailboxEn } from '../en/keeper-mailbox.ts'

export const keeperMailboxFr: Record<keyof typeof keeperMailboxEn, string> = {
  'keeperMailbox.waiting': '<b>Votre demande attend chez le gardien du groupe.</b> Aucun membre n’est en ligne pour le moment. Vous serez admis la prochaine fois qu’un membre sera en ligne ; laissez Hearth ouvert, ou rouvrez-le plus tard. Inutile de retaper le code.',
}
