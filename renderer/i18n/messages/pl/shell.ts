/** What surrounds every screen: opening, quick exit and its keys, the cover, the confirm step, Polish (preview translation). */
import type { shellEn } from '../en/shell.ts'

export const shellPl: Record<keyof typeof shellEn, string> = {
  'app.opening': 'Otwieranie…',
  'app.noBridge.title': 'Hearth nie może się tu uruchomić',
  'app.noBridge.body': 'To okno otwarto bez procesu Hearth działającego w tle, więc nie ma ono dostępu do twojego profilu. Zamknij je i uruchom Hearth ponownie.',
  'quickExit.button': 'Szybkie wyjście',
  'quickExit.help': 'Natychmiast ukrywa Hearth i go blokuje. Możesz też trzy razy nacisnąć Escape.',
  'cover.title': 'Notatki',
  'cover.empty': 'Nie ma jeszcze notatek.',
  'cover.return': 'Wróć',
  'quickExitKeys.title': 'Szybkie wyjście',
  'quickExitKeys.intro': 'Hearth znika od razu i się blokuje, gdy:',
  'quickExitKeys.button': 'naciśniesz przycisk <b>Szybkie wyjście</b> u góry każdego ekranu;',
  'quickExitKeys.escape': 'naciśniesz szybko trzy razy <kbd>Escape</kbd>, gdy Hearth jest na wierzchu;',
  'quickExitKeys.hotkey': 'naciśniesz <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> (<kbd>Cmd</kbd>+<kbd>Shift</kbd>+<kbd>X</kbd> na Macu) w aplikacji na komputer, nawet gdy na wierzchu jest inne okno.',
  'quickExitKeys.limits': 'Przy ponownym otwarciu Hearth poprosi o hasło. Szybkie wyjście ukrywa Hearth przed kimś w pokoju; nie ukryje go przed oprogramowaniem szpiegującym na tym urządzeniu.',
  'confirm.working': 'Trwa…',
}
