/** The keeper's quota, Polish (preview translation). */
import type { keeperQuotaEn } from '../en/keeper-quota.ts'

export const keeperQuotaPl: Record<keyof typeof keeperQuotaEn, string> = {
  'keeperQuota.full': 'Strażnik jest pełny. Nie przyjmuje już niczego nowego z tej grupy, więc to, co zostanie napisane od teraz, nie przechodzi przez niego. To, co już przechowuje, zostaje zachowane. Poproś osobę, która go prowadzi, o więcej miejsca.',
}
