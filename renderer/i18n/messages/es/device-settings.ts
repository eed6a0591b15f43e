/** This device's settings and the language picker, Spanish (preview translation). */
import type { deviceSettingsEn } from '../en/device-settings.ts'

export const deviceSettingsEs: Record<keyof typeof deviceSettingsEn, string> = {
  'language.label': 'Idioma',
  'language.system': 'Como en este ordenador ({name})',
  'language.preview': '{name} (versión preliminar)',
  'language.help': 'Se guarda solo en este dispositivo. Las traducciones marcadas como «versión preliminar» aún no han sido revisadas por profesionales de apoyo nativos.',
  'settings.back': 'Volver a tus grupos',
  'settings.title': 'Ajustes',
  'settings.form': 'Bloqueo y notificaciones',
  'settings.lockLabel': 'Bloquear Hearth tras estos minutos sin uso',
  'settings.lockBad': 'Elige un número entero de minutos entre {min} y {max}.',
  'settings.lockHelp': 'Si no se escribe, se hace clic ni se desplaza durante este tiempo, Hearth se bloquea y al abrirlo de nuevo pide tu frase de contraseña. Menos tiempo es más seguro en un ordenador compartido.',
  'settings.notifications': 'Notificaciones',
  'settings.notify.private': '<b>Algo nuevo</b>: solo «Algo nuevo en Hearth». Sin grupo, sin nombres, sin palabras.',
  'settings.notify.groupName': '<b>Solo el nombre del grupo</b>: «Algo nuevo en» y el nombre del grupo. Nunca quién escribió ni qué.',
  'settings.notify.off': '<b>Desactivadas</b>: no mostrar nunca una notificación.',
  'settings.notifyHelp': 'La aplicación de escritorio muestra una notificación cuando llega algo nuevo mientras Hearth está en segundo plano, como mucho una por grupo hasta que lo mires. Un grupo del que te estás tomando distancia se queda en silencio. Cualquiera cerca de tu pantalla puede ver una notificación, así que el nombre del grupo no aparece a menos que lo elijas.',
  'settings.saved': 'Guardado.',
  'settings.busy': 'Guardando…',
  'settings.submit': 'Guardar los ajustes',
}
