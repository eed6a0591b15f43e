/** The ground-rules editor's own words, in Spanish (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { rulesEn } from '../en/rules.ts'

export const rulesEs: Record<keyof typeof rulesEn, string> = {
  'rulesEditor.template': 'Empezar desde una plantilla (opcional)',
  'rulesEditor.chooseTemplate': 'Elige una plantilla…',
  'rulesEditor.useTemplate': 'Usar esta plantilla',
  'rulesEditor.templateHelp': 'Basada en la práctica del apoyo entre pares. Sustituye lo que hay en el cuadro de abajo; cambia lo que quieras antes de guardar.',
  'rulesEditor.label': 'Las normas del grupo',
  'rulesEditor.help': 'Una norma por línea; se numeran al mostrarse, así un señalamiento puede nombrar la «norma 3». Los miembros las leen y aceptan antes de publicar. Guardar un cambio pide a cada miembro que acepte la nueva versión.',
  'rulesEditor.empty': 'Escribe primero las normas, por favor.',
  'rulesEditor.busy': 'Guardando…',
  'rulesEditor.submit': 'Guardar las normas del grupo',
  'rulesEditor.cancel': 'Cancelar',
}
