/** The safety notice: what Hearth can and cannot protect. English, the reference for this area. */
export const noticeEn = {
  'notice.title.first': 'Before you start',
  'notice.title.again': 'What Hearth can and cannot protect',
  'notice.does.title': 'What Hearth does',
  'notice.does.encrypted': 'Everything Hearth keeps on this computer is encrypted and locked with a passphrase only you know.',
  'notice.does.messages': "Your group's messages are encrypted before they leave this computer. No company server holds them.",
  'notice.does.quickExit': '<b>Quick exit</b> (the button at the top of every screen, or Escape three times) hides Hearth at once and locks it.',
  'notice.does.sleep': 'Hearth locks itself when the computer sleeps or the screen locks.',
  'notice.cannot.title': 'What Hearth cannot protect against',
  'notice.cannot.monitoring': '<b>Monitoring software on this device</b> (sometimes called stalkerware) can see what is on the screen and what you type, in Hearth too. If you think this device may be watched, use a safer one if you can, such as a library computer or a trusted friend\'s.',
  'notice.cannot.passphrase': '<b>Someone who knows your passphrase</b>, guesses it, or sees you type it can open your profile.',
  'notice.cannot.unlocked': 'While Hearth is unlocked, anyone at this computer can read it. Lock it or use quick exit when you step away.',
  'notice.cannot.traces': 'Someone looking through this computer may notice that Hearth is installed. <b>Uninstalling leaves traces</b>, such as folders and entries in the system\'s own records.',
  'notice.cannot.recovery': '<b>A forgotten passphrase cannot be recovered</b>, by you or by anyone else.',
  'notice.crisis': 'Hearth is a peer-support space, not a crisis service. If you are in danger, contact local emergency services.',
  'notice.continue': 'I understand, continue',
  'notice.back': 'Back',
} as const satisfies Record<string, string>
