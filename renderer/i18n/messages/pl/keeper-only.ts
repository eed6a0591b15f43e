/** Keeper-only mode in Settings and the sync line, Polish (preview translation). */
import type { keeperOnlyEn } from '../en/keeper-only.ts'

export const keeperOnlyPl: Record<keyof typeof keeperOnlyEn, string> = {
  'keeperOnly.title': 'Ukryj swój adres internetowy przed innymi członkami',
  'keeperOnly.switch': 'Synchronizuj tylko przez opiekuna grupy',
  'keeperOnly.help': 'Gdy to jest włączone, w grupach, które mają opiekuna, Hearth łączy się tylko z opiekunem. Inni członkowie nigdy nie widzą Twojego adresu internetowego, który może z grubsza pokazać, gdzie jesteś. Koszt: gdy opiekun jest wyłączony, nic się nie synchronizuje, dopóki nie wróci. Dołączając do nowej grupy, łączysz się jednak raz z osobą, która Cię wpuszcza.',
  'keeperOnly.nowOn': 'Włączone. W grupach z opiekunem synchronizujesz tylko przez opiekuna.',
  'keeperOnly.nowOff': 'Wyłączone. Łączysz się bezpośrednio z innymi członkami, więc mogą widzieć Twój adres internetowy.',
  'keeperOnly.sync.down': '<b>Żaden opiekun nie jest osiągalny.</b> Synchronizujesz tylko przez opiekuna grupy, a teraz nie można się z nim połączyć. Twoje słowa zostają na tym urządzeniu, dopóki nie wróci.',
  'keeperOnly.sync.note': 'Tylko przez opiekuna: inni członkowie nie widzą Twojego adresu internetowego.',
}
