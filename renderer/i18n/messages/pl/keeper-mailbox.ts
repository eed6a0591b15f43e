/** A join waiting with the group's keeper, Polish (preview translation). */
import type { keeperMailboxEn } from '../en/keeper-mailbox.ts'

export const keeperMailboxPl: Record<keyof typeof keeperMailboxEn, string> = {
  'keeperMailbox.waiting': '<b>Twoja prośba czeka u strażnika grupy.</b> Teraz nikt z członków nie jest online. Zostaniesz wpuszczona lub wpuszczony, gdy następnym razem ktoś z członków będzie online; zostaw Hearth otwarty albo otwórz go później. Nie musisz ponownie wpisywać kodu.',
}
