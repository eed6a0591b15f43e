/** A join waiting with the group's keeper, Spanish (preview translation). */
import type { keeperMailboxEn } from '../en/keeper-mailbox.ts'

export const keeperMailboxEs: Record<keyof typeof keeperMailboxEn, string> = {
  'keeperMailbox.waiting': '<b>Tu solicitud espera con el guardián del grupo.</b> Ahora no hay ningún miembro en línea. Entrarás la próxima vez que un miembro esté en línea; deja Hearth abierto o vuelve a abrirlo más tarde. No hace falta escribir el código otra vez.',
}
