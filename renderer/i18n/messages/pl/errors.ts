/** Words for the remaining error codes, Polish (preview translation, informal "ty", no gendered past tense). */
import type { ErrorsKey } from '../en/errors.ts'

export const errorsPl: Record<ErrorsKey, string> = {
  'errors.UNKNOWN_METHOD': 'Hearth nie mógł tego zrobić: to okno poprosiło o coś, czego nie zna. Zwykle pomaga ponowne uruchomienie Hearth.',
  'errors.UNTRUSTED_SENDER': 'Hearth odrzucił tę prośbę, bo nie przyszła z jego własnego okna. Nic nie zostało zmienione.',
  'errors.VAULT_MISSING': 'W tym folderze brakuje pliku twojego profilu (vault.hearth), ale dane grupy wciąż tam są. Nic nie zostało zmienione. Przywróć vault.hearth z kopii zapasowej tego profilu albo wybierz inny folder na nowy profil.',
  'errors.CRYPTO_OPEN_FAILED': 'Hearth nie mógł otworzyć tych danych albo ktoś je zmienił. Tutaj nic nie zostało zmienione.',
  'errors.CRYPTO_BAD_KEY': 'Klucz, który dostał Hearth, jest uszkodzony lub niebezpieczny, więc nie został użyty.',
  'errors.CRYPTO_BAD_SIGNATURE': 'Coś nie miało ważnego podpisu, więc Hearth temu nie zaufał.',
  'errors.BLOCK_MALFORMED': 'Część historii grupy była uszkodzona, więc Hearth ją odłożył.',
  'errors.BLOCK_TOO_LARGE': 'Część historii grupy była za duża, więc Hearth ją odłożył.',
  'errors.BLOCK_VERSION': 'Część historii grupy zapisała nowsza wersja Hearth. Zaktualizuj Hearth, aby ją przeczytać.',
  'errors.BLOCK_EPOCH_UNKNOWN': 'Część historii grupy jest zamknięta kluczem, którego to urządzenie nie ma, więc nie da się jej tu przeczytać.',
  'errors.LOG_CORRUPT': 'Część historii tej grupy na tym urządzeniu jest uszkodzona. Hearth zostawił ją bez zmian.',
  'errors.LOG_NOT_FROZEN': 'To urządzenie nie jest wstrzymane albo jego wstrzymanie już zdjęto.',
  'errors.STORE_UNAVAILABLE': 'Hearth nie mógł otworzyć zapisanej historii tej grupy. Może pomóc ponowne uruchomienie Hearth.',
  'errors.LOG_BEHIND': 'To urządzenie straciło część tego, co zostało tu niedawno napisane z twojego profilu. Żeby nigdy sobie nie zaprzeczyć, nie będzie pisać w tej grupie, dopóki nie odzyska tych słów: bądź online, gdy inna osoba z grupy jest online.',
  'errors.LOG_UNCONFIRMED': 'Ten profil został przeniesiony lub przywrócony z kopii. Nie będzie pisać w tej grupie, dopóki inna osoba z grupy nie pokaże, ile jego historii ma: połącz się, gdy inna osoba jest online, albo wybierz „Kontynuuj tutaj”, jeśli żadna inna kopia tego profilu nie jest używana.',
  'errors.NOT_SYNCED_YET': 'Historia tej grupy jeszcze nie dotarła na to urządzenie. Nic nie jest uszkodzone: zostań online, gdy ktoś inny z grupy jest online, a pojawi się.',
  'errors.DECISION_CLOSED': 'Głosowanie nad tą decyzją jest zamknięte. Wynik jest ostateczny.',
  'errors.EXPORT_FAILED': 'Hearth nie mógł tam zapisać pliku. Nic nie zostało zapisane.',
  'errors.NAME_NOT_ALLOWED': 'Ta nazwa zawiera ukryte znaki (niewidoczne, kierunku lub sterujące), które mogą wprowadzić innych w błąd. Wpisz ją jeszcze raz.',
  'errors.NAME_TAKEN': 'Ta nazwa wygląda tak samo jak nazwa innej osoby z grupy. Wybierz inną.',
  'errors.JOIN_ANSWERS_DIFFER': 'Osoby z grupy różnie odpowiedziały na twoją prośbę: każda odmówiła, ale z innego powodu. Ktoś może się mylić albo nie chcieć cię w grupie. Zapytaj osobę, która cię zaprosiła, czy zaproszenie jest nadal ważne.',
}
