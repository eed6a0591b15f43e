/** A newcomer's first page while the group's history arrives, Polish (preview translation). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerPl: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'Jesteś w grupie od niedawna, a jej historia wciąż dociera. To jej najnowsze wpisy; starsze pojawią się później.',
  'newcomer.waiting': 'Jesteś w grupie od niedawna, a jej wpisy wciąż docierają. Pojawią się tutaj, gdy tylko najnowsze będą kompletne.',
  'newcomer.error.arriving': 'Jesteś w grupie od niedawna, a jej historia wciąż dociera. Będzie to gotowe, gdy tylko dotrze.',
  'newcomer.arriving.members': 'Jesteś w grupie od niedawna, a jej historia wciąż dociera. Ta lista pokazuje grupę tylko na tyle, na ile historia już dotarła: może jeszcze widnieć na niej ktoś, kogo nie ma już w grupie, i może brakować ostatnich zmian ról.',
  'newcomer.arriving.decisions': 'Jesteś w grupie od niedawna, a jej historia wciąż dociera. Niektóre decyzje i głosy mogą się tu jeszcze nie pojawiać; pojawią się, gdy tylko dotrze.',
  'newcomer.arriving.other': 'Jesteś w grupie od niedawna, a jej historia wciąż dociera. To, co tu widać, to tylko to, co już dotarło, i może się to jeszcze zmienić.',
  'newcomer.arriving.removal': 'Historia grupy wciąż dociera na to urządzenie: ta osoba mogła już odejść albo zostać usunięta przez kogoś innego w części, która jeszcze nie dotarła.',
  'newcomer.waitingFor': '{count, plural, one {Wciąż brakuje tego, co napisała osoba <bdi>{names}</bdi>. Dotrze, gdy osoba <bdi>{names}</bdi> lub ktoś, kto już to ma, będzie online.} few {Wciąż brakuje tego, co napisały osoby: <bdi>{names}</bdi>. Dotrze, gdy któraś z nich lub ktoś, kto już to ma, będzie online.} many {Wciąż brakuje tego, co napisały osoby: <bdi>{names}</bdi>. Dotrze, gdy któraś z nich lub ktoś, kto już to ma, będzie online.} other {Wciąż brakuje tego, co napisały osoby: <bdi>{names}</bdi>. Dotrze, gdy któraś z nich lub ktoś, kto już to ma, będzie online.}}',
  'newcomer.others': '{count, plural, one {# inna osoba} few {# inne osoby} many {# innych osób} other {# innej osoby}}',
  'newcomer.waitingDevices': 'Wciąż brakuje tego, co zapisano na {count, plural, one {jednym urządzeniu} few {# urządzeniach} many {# urządzeniach} other {# urządzenia}} w grupie. Dotrze, gdy ktoś, kto to ma, będzie online.',
}
