/** Un dispositivo en el límite del grupo (issue 14), español (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { logQuotaEn } from '../en/log-quota.ts'

export const logQuotaEs: Record<keyof typeof logQuotaEn, string> = {
  'logQuota.title': 'Dispositivos en el límite del grupo',
  'logQuota.intro': 'Cada dispositivo puede escribir solo una cantidad limitada en el grupo, para que nadie pueda llenar el almacenamiento de todas las personas. Nada de lo que un dispositivo escriba después de ese límite se muestra ni se guarda. Lo que escribió antes se queda.',
  'logQuota.item': 'Un dispositivo de <bdi>{name}</bdi> ha llegado al límite del grupo.',
  'logQuota.what': 'El uso normal queda muy por debajo de este límite durante muchos años. Si alguien está inundando el grupo, puedes quitarle del grupo. El límite no se puede ampliar para un solo dispositivo.',
  'logQuota.error': 'Este dispositivo ya ha escrito en este grupo todo lo que un dispositivo puede escribir, así que nada más de lo que escriba se podrá compartir. Todavía puedes leer. Las personas facilitadoras del grupo pueden ver que este dispositivo llegó al límite.',
}
