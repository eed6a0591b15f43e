/** A join waiting with the group's keeper, Brazilian Portuguese (preview translation). */
import type { keeperMailboxEn } from '../en/keeper-mailbox.ts'

export const keeperMailboxPt: Record<keyof typeof keeperMailboxEn, string> = {
  'keeperMailbox.waiting': '<b>Seu pedido está esperando com o guardião do grupo.</b> Nenhum membro está online agora. Você vai entrar na próxima vez que um membro estiver online; deixe o Hearth aberto ou abra de novo mais tarde. Não precisa digitar o código outra vez.',
}
