/** The ground-rules editor's own words (the templates' content comes from core). English, the reference. */
export const rulesEn = {
  'rulesEditor.template': 'Start from a template (optional)',
  'rulesEditor.chooseTemplate': 'Choose a template…',
  'rulesEditor.useTemplate': 'Use this template',
  'rulesEditor.templateHelp': 'Drawn from peer-support practice. It replaces what is in the box below; change any of it before saving.',
  'rulesEditor.label': "The group's ground rules",
  'rulesEditor.help': 'One rule a line; they are numbered when shown, so a flag can name "rule 3". Members read and accept these before they post. Saving a change asks every member to accept the new version.',
  'rulesEditor.empty': 'Please write the rules first.',
  'rulesEditor.busy': 'Saving…',
  'rulesEditor.submit': 'Save the ground rules',
  'rulesEditor.cancel': 'Cancel',
} as const satisfies Record<string, string>
