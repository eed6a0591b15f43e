/** The safety notice: what Hearth can and cannot protect, Polish (preview translation). */
import type { noticeEn } from '../en/notice.ts'

export const noticePl: Record<keyof typeof noticeEn, string> = {
  'notice.title.first': 'Zanim zaczniesz',
  'notice.title.again': 'Przed czym Hearth chroni, a przed czym nie',
  'notice.does.title': 'Co robi Hearth',
  'notice.does.encrypted': 'Wszystko, co Hearth przechowuje na tym komputerze, jest zaszyfrowane i zablokowane hasłem, które znasz tylko ty.',
  'notice.does.messages': 'Wiadomości twojej grupy są szyfrowane, zanim opuszczą ten komputer. Nie przechowuje ich żaden serwer żadnej firmy.',
  'notice.does.quickExit': '<b>Szybkie wyjście</b> (przycisk u góry każdego ekranu albo trzy razy Escape) od razu ukrywa Hearth i go blokuje.',
  'notice.does.sleep': 'Hearth blokuje się sam, gdy komputer przechodzi w uśpienie albo ekran się blokuje.',
  'notice.cannot.title': 'Przed czym Hearth nie chroni',
  'notice.cannot.monitoring': '<b>Oprogramowanie szpiegujące na tym urządzeniu</b> (tzw. stalkerware) może widzieć, co jest na ekranie i co piszesz, także w Hearth. Jeśli podejrzewasz, że to urządzenie jest obserwowane, w miarę możliwości użyj bezpieczniejszego, na przykład komputera w bibliotece albo u zaufanej osoby.',
  'notice.cannot.passphrase': '<b>Ktoś, kto zna twoje hasło</b>, odgadnie je albo zobaczy, jak je wpisujesz, może otworzyć twój profil.',
  'notice.cannot.unlocked': 'Gdy Hearth jest odblokowany, każda osoba przy tym komputerze może go czytać. Zablokuj go albo użyj szybkiego wyjścia, gdy odchodzisz od komputera.',
  'notice.cannot.traces': 'Ktoś, kto przegląda ten komputer, może zauważyć, że Hearth jest zainstalowany. <b>Odinstalowanie zostawia ślady</b>, takie jak foldery i wpisy w rejestrach samego systemu.',
  'notice.cannot.recovery': '<b>Zapomnianego hasła nie da się odzyskać</b>, ani tobie, ani nikomu innemu.',
  'notice.crisis': 'Hearth to miejsce wzajemnego wsparcia, a nie służba kryzysowa. Jeśli grozi ci niebezpieczeństwo, skontaktuj się z lokalnymi służbami ratunkowymi.',
  'notice.continue': 'Rozumiem, dalej',
  'notice.back': 'Wstecz',
}
