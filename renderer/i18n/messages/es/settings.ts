/** Group settings with named choices, in Spanish (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { settingsEn } from '../en/settings.ts'

export const settingsEs: Record<keyof typeof settingsEn, string> = {
  'groupChoice.busy': 'Guardando…',
  'groupChoice.saved': 'Guardado.',
  'groupSetting.invite.membersApproved': 'Miembros, con la aprobación de quien facilita',
  'groupSetting.invite.membersApprovedHelp': 'Cualquiera puede invitar; cada persona nueva espera hasta que quien facilita la deja entrar. La opción segura por defecto.',
  'groupSetting.invite.facilitators': 'Solo quienes facilitan',
  'groupSetting.invite.facilitatorsHelp': 'Solo quienes facilitan crean invitaciones.',
  'groupSetting.invite.members': 'Cualquier miembro',
  'groupSetting.invite.membersHelp': 'La invitación de cualquier miembro deja entrar directamente. Más abierto, y más fácil para que entre alguien no deseado.',
  'groupSetting.export.facilitators': 'Solo quienes facilitan',
  'groupSetting.export.facilitatorsHelp': 'Los miembros guardan solo sus propias palabras. La norma habitual: lo que se dice aquí, se queda aquí.',
  'groupSetting.export.members': 'Cualquier miembro',
  'groupSetting.export.membersHelp': 'Cualquier miembro puede guardar las palabras de todo el grupo en un archivo legible.',
  'groupSetting.export.sentenceMembers': 'En este grupo cualquier miembro puede guardar las palabras de todo el grupo en un archivo legible. Cada vez, todos los miembros pueden ver que ocurrió.',
  'groupSetting.export.sentenceFacilitators': 'En este grupo solo quienes facilitan guardan las palabras de todo el grupo en un archivo legible; cada vez, todos los miembros pueden ver que ocurrió. Siempre puedes guardar tus propias palabras.',
}
