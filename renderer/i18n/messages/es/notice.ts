/** The safety notice: what Hearth can and cannot protect, Spanish (preview translation). */
import type { noticeEn } from '../en/notice.ts'

export const noticeEs: Record<keyof typeof noticeEn, string> = {
  'notice.title.first': 'Antes de empezar',
  'notice.title.again': 'Lo que Hearth puede y no puede proteger',
  'notice.does.title': 'Lo que hace Hearth',
  'notice.does.encrypted': 'Todo lo que Hearth guarda en este ordenador está cifrado y protegido con una frase de contraseña que solo tú conoces.',
  'notice.does.messages': 'Los mensajes de tu grupo se cifran antes de salir de este ordenador. Ningún servidor de ninguna empresa los guarda.',
  'notice.does.quickExit': 'La <b>salida rápida</b> (el botón en la parte superior de cada pantalla, o Escape tres veces) oculta Hearth al instante y lo bloquea.',
  'notice.does.sleep': 'Hearth se bloquea solo cuando el ordenador entra en reposo o se bloquea la pantalla.',
  'notice.cannot.title': 'De qué no puede protegerte Hearth',
  'notice.cannot.monitoring': 'Un <b>programa de vigilancia en este dispositivo</b> (a veces llamado stalkerware) puede ver lo que hay en la pantalla y lo que escribes, también en Hearth. Si crees que este dispositivo puede estar vigilado, usa otro más seguro si puedes, como un ordenador de una biblioteca o el de una amistad de confianza.',
  'notice.cannot.passphrase': '<b>Alguien que conozca tu frase de contraseña</b>, la adivine o te vea escribirla puede abrir tu perfil.',
  'notice.cannot.unlocked': 'Mientras Hearth está desbloqueado, cualquiera que esté en este ordenador puede leerlo. Bloquéalo o usa la salida rápida cuando te alejes.',
  'notice.cannot.traces': 'Alguien que revise este ordenador puede notar que Hearth está instalado. <b>Desinstalarlo deja rastros</b>, como carpetas y entradas en los registros del propio sistema.',
  'notice.cannot.recovery': '<b>Una frase de contraseña olvidada no se puede recuperar</b>, ni por ti ni por nadie.',
  'notice.crisis': 'Hearth es un espacio de apoyo entre pares, no un servicio de crisis. Si estás en peligro, contacta con los servicios de emergencia de tu zona.',
  'notice.continue': 'Entiendo, continuar',
  'notice.back': 'Volver',
}
