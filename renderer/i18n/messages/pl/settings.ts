/** Group settings with named choices, in Polish (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { settingsEn } from '../en/settings.ts'

export const settingsPl: Record<keyof typeof settingsEn, string> = {
  'groupChoice.busy': 'Zapisywanie…',
  'groupChoice.saved': 'Zapisano.',
  'groupSetting.invite.membersApproved': 'Osoby w grupie, za zgodą osoby prowadzącej',
  'groupSetting.invite.membersApprovedHelp': 'Każda osoba może zapraszać; każda nowa osoba czeka, aż osoba prowadząca ją wpuści. Bezpieczne ustawienie domyślne.',
  'groupSetting.invite.facilitators': 'Tylko osoby prowadzące',
  'groupSetting.invite.facilitatorsHelp': 'Zaproszenia tworzą tylko osoby prowadzące.',
  'groupSetting.invite.members': 'Każda osoba w grupie',
  'groupSetting.invite.membersHelp': 'Zaproszenie od każdej osoby wpuszcza od razu. Bardziej otwarte, ale łatwiej wtedy wejść komuś niepożądanemu.',
  'groupSetting.export.facilitators': 'Tylko osoby prowadzące',
  'groupSetting.export.facilitatorsHelp': 'Osoby w grupie zapisują tylko własne słowa. Zwykła zasada: co zostaje powiedziane tutaj, zostaje tutaj.',
  'groupSetting.export.members': 'Każda osoba w grupie',
  'groupSetting.export.membersHelp': 'Każda osoba w grupie może zapisać słowa wszystkich jako czytelny plik.',
  'groupSetting.export.sentenceMembers': 'W tej grupie każda osoba może zapisać słowa wszystkich jako czytelny plik. Za każdym razem wszyscy w grupie widzą, że to się stało.',
  'groupSetting.export.sentenceFacilitators': 'W tej grupie słowa wszystkich jako czytelny plik zapisują tylko osoby prowadzące; za każdym razem wszyscy w grupie widzą, że to się stało. Swoje własne słowa możesz zapisać zawsze.',
}
