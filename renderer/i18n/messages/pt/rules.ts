/** The ground-rules editor's own words, in Portuguese (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { rulesEn } from '../en/rules.ts'

export const rulesPt: Record<keyof typeof rulesEn, string> = {
  'rulesEditor.template': 'Começar de um modelo (opcional)',
  'rulesEditor.chooseTemplate': 'Escolha um modelo…',
  'rulesEditor.useTemplate': 'Usar este modelo',
  'rulesEditor.templateHelp': 'Baseado na prática do apoio entre pares. Ele substitui o que está na caixa abaixo; mude o que quiser antes de salvar.',
  'rulesEditor.label': 'Os combinados do grupo',
  'rulesEditor.help': 'Um combinado por linha; eles são numerados ao aparecer, para que uma sinalização possa citar o “combinado 3”. Os membros leem e aceitam antes de publicar. Salvar uma mudança pede a cada membro que aceite a nova versão.',
  'rulesEditor.empty': 'Escreva os combinados primeiro, por favor.',
  'rulesEditor.busy': 'Salvando…',
  'rulesEditor.submit': 'Salvar os combinados do grupo',
  'rulesEditor.cancel': 'Cancelar',
}
