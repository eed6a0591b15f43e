/** The keeper's quota, Spanish (preview translation). */
import type { keeperQuotaEn } from '../en/keeper-quota.ts'

export const keeperQuotaEs: Record<keyof typeof keeperQuotaEn, string> = {
  'keeperQuota.full': 'El guardián está lleno. Ya no acepta nada nuevo de este grupo, así que lo que se escriba a partir de ahora no pasa por él. Lo que ya tiene se conserva. Pide más espacio a la persona que lo gestiona.',
}
