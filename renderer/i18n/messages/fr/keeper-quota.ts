/** The keeper's quota, French (preview translation). */
import type { keeperQuotaEn } from '../en/keeper-quota.ts'

export const keeperQuotaFr: Record<keyof typeof keeperQuotaEn, string> = {
  'keeperQuota.full': 'Le gardien est plein. Il n’accepte plus rien de nouveau de ce groupe : ce qui est écrit à partir de maintenant ne passe plus par lui. Ce qu’il garde déjà est conservé. Demandez plus d’espace à la personne qui le fait fonctionner.',
}
