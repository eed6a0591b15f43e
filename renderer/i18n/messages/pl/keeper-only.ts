/** Keeper-only mode in Settings and the sync line, Polish (preview translation). */
import type { keeperOnlyEn } from '../en/keeper-only.ts'

export const keeperOnlyPl: Record<keyof typeof keeperOnlyEn, string> = {
  'keeperOnly.title': 'Ukryj swój adres internetowy przed innymi członkami',
  'keeperOnly.switch': 'Synchronizuj tylko przez strażnika grupy',
  'keeperOnly.help': 'Gdy to jest włączone, w grupach, które mają strażnika, Hearth łączy się tylko ze strażnikiem. Inni członkowie nigdy nie widzą twojego adresu internetowego, który może z grubsza pokazać, gdzie jesteś. Koszt: gdy strażnik jest wyłączony, nic się nie synchronizuje, dopóki nie wróci. Dołączając do nowej grupy, łączysz się jednak raz z osobą, która cię wpuszcza.',
  'keeperOnly.nowOn': 'Włączone. W grupach ze strażnikiem synchronizujesz tylko przez strażnika.',
  'keeperOnly.nowOff': 'Wyłączone. Łączysz się bezpośrednio z innymi członkami, więc mogą widzieć twój adres internetowy.',
  'keeperOnly.sync.down': '<b>Żaden strażnik nie jest osiągalny.</b> Synchronizujesz tylko przez strażnika grupy, a teraz nie można się z nim połączyć. Twoje słowa zostają na tym urządzeniu, dopóki nie wróci.',
  'keeperOnly.sync.note': 'Tylko przez strażnika: inni członkowie nie widzą twojego adresu internetowego.',
}
