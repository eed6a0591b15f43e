/**
 * Polski (preview): the training modules, translated whole from core/model/data/training.json.
 * `from` is the fingerprint of the English each was made from (renderer/i18n/core-content.ts):
 * when core's English changes, the screen shows the English until this translation is redone.
 * Questions are put impersonally where Polish would otherwise make the reader a man or a woman.
 */
import type { Modules } from '../../content-types.ts'

export const trainingModulesPl: Modules = {
  'abuse-dynamics': {
    from: '6f4a3b0c',
    title: 'Jak działa przemoc w związku',
    summary: 'Mechanizmy stojące za przemocą, formy, jakie przybiera, i dlaczego odejście rzadko jest proste.',
    sections: [
      { heading: 'Wzorzec kontroli', text: 'Przemoc w związku to wzorzec, a nie jeden zły dzień. Jedna osoba dąży do zdobycia i utrzymania władzy nad drugą. Pojedyncze zdarzenia same w sobie mogą wydawać się drobne; razem kształtują całe życie. Wiele osób, które doznały przemocy, dostrzega ten wzorzec dopiero wtedy, gdy go spisze albo usłyszy, jak ktoś inny opisuje to samo.' },
      { heading: 'Formy przemocy', text: 'Przemoc może być fizyczna lub seksualna. Może też być psychiczna (obelgi, obwinianie, wmawianie komuś, że źle pamięta), ekonomiczna (kontrola nad pieniędzmi, pracą lub długami), cyfrowa (sprawdzanie telefonu, śledzenie lokalizacji, czytanie wiadomości), społeczna (odcinanie od przyjaciół i rodziny), a jako narzędzia nacisku może wykorzystywać dzieci, zwierzęta, status pobytowy lub wiarę. Zwykle kilka form występuje razem. Żadna nie potrzebuje siniaków, żeby była prawdziwa.' },
      { heading: 'Dlaczego odejście jest trudne', text: 'Niebezpieczeństwo często rośnie, gdy ktoś próbuje odejść. Ludzie zostają ze względu na bezpieczeństwo, dzieci, pieniądze, mieszkanie, z miłości, nadziei, strachu, wstydu albo pod presją innych. Pytanie nigdy nie brzmi „dlaczego nie odejdzie?”, ale „co dałoby tej osobie więcej bezpieczeństwa i czego ona chce?”. To osoba doznająca przemocy najlepiej zna swoją sytuację.' },
    ],
    questions: [
      'Które formy przemocy z tego modułu wcześniej nie kojarzyły ci się z przemocą?',
      'Jak ktoś z grupy może usłyszeć „dlaczego po prostu nie odeszłaś?”, nawet gdy nikt nie mówi tego na głos?',
      'Co można odpowiedzieć komuś, kto mówi: „to nie było takie straszne, to były tylko słowa”?',
    ],
  },
  'active-listening': {
    from: 'dd7c118f',
    title: 'Dobre słuchanie',
    summary: 'Poświęcanie komuś pełnej uwagi i pokazywanie, że został wysłuchany.',
    sections: [
      { heading: 'Najpierw uwaga', text: 'Dobre słuchanie zaczyna się od tego, by się nie spieszyć. Pozwól na ciszę. Nie planuj odpowiedzi, gdy druga osoba jeszcze mówi. W grupie, w której się pisze, przeczytaj cały wpis przed odpowiedzią, i przeczytaj go jeszcze raz.' },
      { heading: 'Odzwierciedlaj, nie naprawiaj', text: 'Powiedz własnymi słowami, co usłyszysz: „Brzmi to tak, jakbyś czuła się osaczona, kiedy zabrał kluczyki do samochodu”. Nazywaj uczucia łagodnie i pozwól się poprawić. Większość ludzi chce najpierw zostać zrozumiana, a dopiero potem dostać radę, a wielu dostało już mnóstwo rad.' },
      { heading: 'Pytania, które otwierają', text: 'Pytania otwarte („Jak to było dla ciebie?”, „Co by ci teraz pomogło?”) zostawiają przestrzeń. Pytania zaczynające się od „dlaczego” mogą brzmieć jak zarzut. Zapytaj, zanim zaproponujesz pomysły: „Czy pomogłoby ci usłyszeć, co mnie pomogło?”' },
    ],
    questions: [
      'Przypomnij sobie chwilę, gdy ktoś naprawdę cię wysłuchał. Co zrobiła ta osoba?',
      'Przepisz tę odpowiedź tak, by odzwierciedlała, a nie naprawiała: „Powinnaś zadzwonić na policję”.',
      'Kiedy najtrudniej jest ci milczeć i dalej słuchać?',
    ],
  },
  'trauma-informed': {
    from: '399b7103',
    title: 'Reagowanie z uwzględnieniem traumy',
    summary: 'Bezpieczeństwo, wybór i zaufanie: jak może przejawiać się trauma i jak reagować, nie dokładając krzywdy.',
    sections: [
      { heading: 'Jak może przejawiać się trauma', text: 'Trauma może przejawiać się nerwowością, odrętwieniem, trudnościami z koncentracją, złością, płaczem albo tym, że ktoś wydaje się w porządku, a nagle przestaje. To zrozumiałe reakcje na zagrożenie, a nie wady charakteru. Ktoś może zamilknąć, wyjść ze spotkania albo coś napisać, a potem to usunąć.' },
      { heading: 'Bezpieczeństwo, wybór, kontrola', text: 'Przemoc odbiera wybór, a wsparcie go przywraca. Proponuj możliwości zamiast poleceń. Pozwól ludziom decydować, czym się dzielą i kiedy. Dodawaj ostrzeżenia o treści przed szczegółami, które mogą być trudne do czytania. Nigdy nie naciskaj na szczegóły tego, co się stało; ta historia należy do osoby, która ją przeżyła.' },
      { heading: 'Gdy kogoś coś przytłacza', text: 'Zwolnij. Mów krótko i spokojnie. Zaproponuj zakotwiczenie w teraźniejszości, jeśli ta osoba chce: stopy na podłodze, nazywanie rzeczy, które widać, powolny oddech. Zapytaj, czego potrzebuje. Jeśli ktoś może być w bezpośrednim niebezpieczeństwie, zachęć do kontaktu ze służbami ratunkowymi albo z telefonem zaufania; Hearth nie jest usługą kryzysową.' },
    ],
    questions: [
      'Jakie twoje własne reakcje może wywołać czyjaś reakcja traumatyczna i jak to zauważyć?',
      'Jak zaproponować wybór w chwili, gdy kusi, żeby dać radę?',
      'Które treści w twojej grupie powinny mieć ostrzeżenie?',
    ],
  },
  'self-care': {
    from: 'd8f43f03',
    title: 'Dbanie o siebie i wypalenie',
    summary: 'Wspieranie innych to praca. Zauważanie własnych granic chroni ciebie i grupę.',
    sections: [
      { heading: 'Sygnały, na które warto uważać', text: 'Słuchanie o przemocy może poruszyć własne wspomnienia. Zwróć uwagę na kłopoty ze snem, niechęć przed spotkaniem grupy, odrętwienie lub drażliwość, myślenie o cudzych historiach, gdy chcesz odpocząć, albo poczucie, że wszystko zależy od ciebie. To sygnały, by zrobić przerwę, a nie porażki.' },
      { heading: 'Granice to troska', text: 'Wspierać innych można tylko z miejsca, w którym samemu jest się wystarczająco bezpiecznie. Można zrobić sobie przerwę, odpowiedzieć jutro zamiast teraz i przekazać coś innej osobie prowadzącej. W Hearth „Przerwa” życzliwie informuje grupę, że odpoczywasz.' },
      { heading: 'Twoje własne wsparcie', text: 'Miej ludzi i miejsca dla siebie: przyjaciółkę lub przyjaciela, terapeutkę lub terapeutę, spacer, odpoczynek. Osoby prowadzące mogą korzystać ze swojej przestrzeni, by dzielić się z innymi prowadzącymi tym, co im ciąży, bez podawania prywatnych szczegółów o członkach grupy.' },
    ],
    questions: [
      'Jakie są twoje pierwsze sygnały, że potrzebujesz przerwy?',
      'Kto cię wspiera i kiedy ostatnio udało się do tej osoby odezwać?',
      'Co ułatwiłoby ci zrobienie przerwy, gdy jej potrzebujesz?',
    ],
  },
  facilitating: {
    from: 'c4cf1b41',
    title: 'Prowadzenie grupy',
    summary: 'Dbanie o przestrzeń: podstawowe zasady, tempo, poufność i dzielenie się obowiązkami.',
    sections: [
      { heading: 'Dbanie o przestrzeń', text: 'Osoba prowadząca nie ma gotowych odpowiedzi; dba o to, by przestrzeń była na tyle bezpieczna, żeby członkowie grupy znaleźli własne. Zaczynaj i kończ spotkania za każdym razem tak samo, żeby wszyscy wiedzieli, czego się spodziewać. Przypominaj grupie o podstawowych zasadach, zwłaszcza o poufności: co zostało powiedziane w grupie, zostaje w grupie.' },
      { heading: 'Tempo i równowaga', text: 'Zostaw miejsce dla cichszych osób, nie stawiając ich w trudnej sytuacji. Łagodnie zatrzymaj kogoś, kto mówi już długo. Jeśli jakaś historia staje się bardzo szczegółowa, zapytaj grupę i osobę mówiącą, jak się czują. Kończ punktualnie i zostaw chwilę na powrót do teraźniejszości.' },
      { heading: 'Najpierw bezpieczeństwo', text: 'Jeśli ktoś może być w niebezpieczeństwie, porozmawiaj z tą osobą prywatnie i przekaż jej numery telefonów zaufania. Nigdy nie przekazuj danych ani miejsca pobytu członka grupy nikomu spoza niej. Jeśli podejrzewasz, że do grupy dołączyła osoba stosująca przemoc, porozmawiaj z innymi prowadzącymi, zanim cokolwiek zrobisz, i postępuj według kroków uzgodnionych przez grupę.' },
    ],
    questions: [
      'Jak można zacząć i zakończyć spotkanie twojej grupy?',
      'Co zrobić, gdy ktoś z grupy zaczyna bez ostrzeżenia opisywać drastyczne szczegóły?',
      'Jak osoby prowadzące w twojej grupie dzielą się obowiązkami?',
    ],
  },
  'resolving-conflict': {
    from: '8872d529',
    title: 'Rozwiązywanie konfliktów',
    summary: 'Nieporozumienia się zdarzają. Spokojne i uczciwe ich rozwiązywanie chroni bezpieczeństwo grupy.',
    sections: [
      { heading: 'Konflikt jest czymś normalnym', text: 'Osoby, które zostały skrzywdzone, mogą być wrażliwe na ton, kontrolę czy lekceważenie, i to jest zrozumiałe. Konflikt nie jest porażką grupy. Ważne jest, by rozwiązać go tak, żeby nikt nie został zawstydzony, uciszony ani zaatakowany przez kilka osób naraz.' },
      { heading: 'Najpierw spokój i rozmowa w cztery oczy', text: 'Zwolnij. Przenieś gorącą wymianę zdań poza wspólną przestrzeń i porozmawiaj z każdą osobą osobno. Wysłuchaj każdej strony, zanim cokolwiek postanowisz. Opisuj zachowanie, a nie osobę: „Ta odpowiedź podała czyjeś miasto”, a nie „Nie masz wyobraźni”.' },
      { heading: 'Uczciwie i na piśmie', text: 'Traktuj podstawowe zasady jako wspólny punkt odniesienia, żeby nie była to opinia jednej osoby przeciw opinii drugiej. Gdy to możliwe, decyduj razem z innymi prowadzącymi. Mów otwarcie, co postanowiono i dlaczego, nie ujawniając prywatnych szczegółów. Potem zapytaj wszystkie zaangażowane osoby, jak się czują.' },
    ],
    questions: [
      'Jak zwykle reagujesz, gdy ktoś się na ciebie złości?',
      'Co można powiedzieć prywatnie komuś, czyje słowa zraniły inną osobę z grupy?',
      'Która podstawowa zasada twojej grupy najbardziej pomogłaby w konflikcie i dlaczego?',
    ],
  },
}
