/** Ein Gerät an der Grenze der Gruppe (issue 14), Deutsch (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { logQuotaEn } from '../en/log-quota.ts'

export const logQuotaDe: Record<keyof typeof logQuotaEn, string> = {
  'logQuota.title': 'Geräte an der Grenze der Gruppe',
  'logQuota.intro': 'Jedes Gerät darf nur eine begrenzte Menge in die Gruppe schreiben, damit niemand den Speicher aller füllen kann. Was ein Gerät über diese Grenze hinaus schreibt, wird bei niemandem gezeigt oder gespeichert. Was es vorher geschrieben hat, bleibt.',
  'logQuota.item': 'Ein Gerät von <bdi>{name}</bdi> hat die Grenze der Gruppe erreicht.',
  'logQuota.what': 'Gewöhnliche Nutzung bleibt viele Jahre lang weit unter dieser Grenze. Wenn jemand die Gruppe überflutet, kannst du diese Person entfernen. Die Grenze lässt sich für ein einzelnes Gerät nicht erhöhen.',
  'logQuota.error': 'Dieses Gerät hat in dieser Gruppe so viel geschrieben, wie ein Gerät darf. Nichts weiteres davon kann geteilt werden. Lesen kannst du weiterhin. Die Moderierenden der Gruppe sehen, dass dieses Gerät die Grenze erreicht hat.',
}
