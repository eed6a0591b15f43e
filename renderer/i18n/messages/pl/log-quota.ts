/** Urządzenie na limicie grupy (issue 14), polski (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { logQuotaEn } from '../en/log-quota.ts'

export const logQuotaPl: Record<keyof typeof logQuotaEn, string> = {
  'logQuota.title': 'Urządzenia na limicie grupy',
  'logQuota.intro': 'Każde urządzenie może zapisać w grupie tylko ograniczoną ilość danych, żeby nikt nie mógł zapełnić pamięci wszystkich osób. Nic, co urządzenie zapisze ponad ten limit, nie jest nikomu pokazywane ani przechowywane. To, co zapisało wcześniej, zostaje.',
  'logQuota.item': 'Urządzenie osoby <bdi>{name}</bdi> osiągnęło limit grupy.',
  'logQuota.what': 'Zwykłe korzystanie przez wiele lat pozostaje daleko poniżej tego limitu. Jeśli ktoś zalewa grupę, możesz usunąć tę osobę. Limitu nie da się podnieść dla jednego urządzenia.',
  'logQuota.error': 'To urządzenie zapisało w tej grupie tyle, ile może jedno urządzenie, więc nic więcej z niego nie zostanie udostępnione. Nadal możesz czytać. Osoby prowadzące grupę widzą, że to urządzenie osiągnęło limit.',
}
