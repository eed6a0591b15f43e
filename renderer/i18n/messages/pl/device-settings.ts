/** This device's settings and the language picker, Polish (preview translation). */
import type { deviceSettingsEn } from '../en/device-settings.ts'

export const deviceSettingsPl: Record<keyof typeof deviceSettingsEn, string> = {
  'language.label': 'Język',
  'language.system': 'Jak na tym komputerze ({name})',
  'language.preview': '{name} (wersja wstępna)',
  'language.help': 'Zapisywane tylko na tym urządzeniu. Tłumaczenia oznaczone jako „wersja wstępna” nie zostały jeszcze sprawdzone przez osoby wspierające, dla których to język ojczysty.',
  'settings.back': 'Wróć do swoich grup',
  'settings.title': 'Ustawienia',
  'settings.form': 'Blokowanie i powiadomienia',
  'settings.lockLabel': 'Zablokuj Hearth po tylu minutach bez używania',
  'settings.lockBad': 'Wybierz pełną liczbę minut od {min} do {max}.',
  'settings.lockHelp': 'Jeśli przez tyle czasu nic nie zostanie wpisane, kliknięte ani przewinięte, Hearth się zablokuje, a przy ponownym otwarciu poprosi o hasło. Krócej znaczy bezpieczniej na wspólnym komputerze.',
  'settings.notifications': 'Powiadomienia',
  'settings.notify.private': '<b>Coś nowego</b>: tylko „Coś nowego w Hearth”. Bez grupy, bez imion, bez treści.',
  'settings.notify.groupName': '<b>Tylko nazwa grupy</b>: „Coś nowego w” i nazwa grupy. Nigdy kto ani co napisał.',
  'settings.notify.off': '<b>Wyłączone</b>: nigdy nie pokazuj powiadomień.',
  'settings.notifyHelp': 'Aplikacja na komputer pokazuje powiadomienie, gdy coś nowego przychodzi, a Hearth działa w tle, najwyżej jedno na grupę, dopóki nie zajrzysz. Grupa, od której robisz sobie przerwę, pozostaje cicha. Każdy w pobliżu twojego ekranu może zobaczyć powiadomienie, dlatego nazwa grupy jest pomijana, chyba że ją wybierzesz.',
  'settings.saved': 'Zapisano.',
  'settings.busy': 'Zapisywanie…',
  'settings.submit': 'Zapisz ustawienia',
}
