/** What surrounds every screen: opening, quick exit and its keys, the cover, the confirm step. English, the reference for this area. */
export const shellEn = {
  'app.opening': 'Opening…',
  'app.noBridge.title': 'Hearth cannot start here',
  'app.noBridge.body': "This window was opened without Hearth's background process, so it cannot reach your profile. Close it and start Hearth again.",
  'quickExit.button': 'Quick exit',
  'quickExit.help': 'Hides Hearth straight away and locks it. You can also press Escape three times.',
  'cover.title': 'Notes',
  'cover.empty': 'No notes yet.',
  'cover.return': 'Return',
  'quickExitKeys.title': 'Quick exit',
  'quickExitKeys.intro': 'Hearth disappears at once and locks itself when you:',
  'quickExitKeys.button': 'press the <b>Quick exit</b> button at the top of every screen;',
  'quickExitKeys.escape': 'press <kbd>Escape</kbd> three times quickly while Hearth is in front;',
  'quickExitKeys.hotkey': 'press <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> (<kbd>Cmd</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> on a Mac) in the desktop app, even when another window is in front.',
  'quickExitKeys.limits': 'Opening Hearth again asks for your passphrase. Quick exit hides Hearth from someone in the room; it cannot hide it from monitoring software on this device.',
  'confirm.working': 'Working on it…',
} as const satisfies Record<string, string>
