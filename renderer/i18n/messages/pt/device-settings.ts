/** This device's settings and the language picker, Brazilian Portuguese (preview translation). */
import type { deviceSettingsEn } from '../en/device-settings.ts'

export const deviceSettingsPt: Record<keyof typeof deviceSettingsEn, string> = {
  'language.label': 'Idioma',
  'language.system': 'Como neste computador ({name})',
  'language.preview': '{name} (prévia)',
  'language.help': 'Guardado só neste dispositivo. As traduções marcadas como “prévia” ainda não foram revisadas por profissionais de apoio que falam o idioma como língua materna.',
  'settings.back': 'Voltar aos seus grupos',
  'settings.title': 'Configurações',
  'settings.form': 'Bloqueio e notificações',
  'settings.lockLabel': 'Bloquear o Hearth depois de tantos minutos sem uso',
  'settings.lockBad': 'Escolha um número inteiro de minutos entre {min} e {max}.',
  'settings.lockHelp': 'Ficar esse tempo sem digitar, clicar ou rolar a tela bloqueia o Hearth, e ao abri-lo de novo ele pede a sua frase-senha. Menos tempo é mais seguro num computador compartilhado.',
  'settings.notifications': 'Notificações',
  'settings.notify.private': '<b>Algo novo</b>: só “Algo novo no Hearth”. Nenhum grupo, nenhum nome, nenhuma palavra.',
  'settings.notify.groupName': '<b>Só o nome do grupo</b>: “Algo novo em” e o nome do grupo. Nunca quem escreveu nem o quê.',
  'settings.notify.off': '<b>Desligadas</b>: nunca mostrar notificações.',
  'settings.notifyHelp': 'O aplicativo para computador mostra uma notificação quando chega algo novo enquanto o Hearth está em segundo plano, no máximo uma por grupo até você olhar. Um grupo do qual você está se afastando fica em silêncio. Qualquer pessoa perto da sua tela pode ver uma notificação, por isso o nome do grupo fica de fora, a menos que você o escolha.',
  'settings.saved': 'Salvo.',
  'settings.busy': 'Salvando…',
  'settings.submit': 'Salvar configurações',
}
