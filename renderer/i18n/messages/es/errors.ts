/** Words for the remaining error codes, Spanish (preview translation). */
import type { ErrorsKey } from '../en/errors.ts'

export const errorsEs: Record<ErrorsKey, string> = {
  'errors.UNKNOWN_METHOD': 'Hearth no pudo hacerlo: esta ventana pidió algo que no conoce. Reiniciar Hearth suele arreglarlo.',
  'errors.UNTRUSTED_SENDER': 'Hearth rechazó esa petición porque no venía de su propia ventana. No se cambió nada.',
  'errors.VAULT_MISSING': 'Falta el archivo de tu perfil (vault.hearth) en esta carpeta, pero los datos del grupo siguen ahí. No se cambió nada. Vuelve a poner vault.hearth desde una copia de seguridad de este perfil, o elige otra carpeta para un perfil nuevo.',
  'errors.CRYPTO_OPEN_FAILED': 'Hearth no pudo abrir esos datos, o alguien los cambió. Aquí no se cambió nada.',
  'errors.CRYPTO_BAD_KEY': 'Una clave que recibió Hearth está dañada o no es segura, así que Hearth no la usó.',
  'errors.CRYPTO_BAD_SIGNATURE': 'Algo no tenía una firma válida, así que Hearth no se fió de ello.',
  'errors.BLOCK_MALFORMED': 'Una parte del historial del grupo estaba dañada, así que Hearth la dejó de lado.',
  'errors.BLOCK_TOO_LARGE': 'Una parte del historial del grupo era demasiado grande, así que Hearth la dejó de lado.',
  'errors.BLOCK_VERSION': 'Una parte del historial del grupo se escribió con una versión más nueva de Hearth. Actualiza Hearth para leerla.',
  'errors.BLOCK_EPOCH_UNKNOWN': 'Una parte del historial del grupo está cerrada con una clave que este dispositivo no tiene, así que aquí no se puede leer.',
  'errors.LOG_CORRUPT': 'Parte del historial de este grupo en este dispositivo está dañada. Hearth la dejó como estaba.',
  'errors.LOG_NOT_FROZEN': 'Ese dispositivo no está en pausa, o su pausa ya se levantó.',
  'errors.STORE_UNAVAILABLE': 'Hearth no pudo abrir el historial guardado de este grupo. Reiniciar Hearth puede ayudar.',
  'errors.LOG_BEHIND': 'Este dispositivo perdió algo de lo que escribiste aquí hace poco. Para no contradecirte nunca, no escribirá en este grupo hasta recuperar esas palabras: quédate en línea mientras otra persona del grupo esté en línea.',
  'errors.LOG_UNCONFIRMED': 'Este perfil se movió o se restauró desde una copia. No escribirá en este grupo hasta que otra persona del grupo muestre cuánto de su historial tiene: conéctate mientras otra persona esté en línea, o elige «Continuar aquí» si no usas ninguna otra copia de este perfil.',
  'errors.NOT_SYNCED_YET': 'El historial de este grupo todavía no ha llegado a este dispositivo. No hay nada dañado: mantente en línea mientras otra persona del grupo esté en línea y aparecerá.',
  'errors.DECISION_CLOSED': 'La votación de esa decisión ya cerró. El resultado es definitivo.',
  'errors.EXPORT_FAILED': 'Hearth no pudo escribir el archivo ahí. No se guardó nada.',
  'errors.NAME_NOT_ALLOWED': 'Ese nombre tiene caracteres ocultos (invisibles, de dirección o de control) que podrían confundir a otras personas. Escríbelo de nuevo, por favor.',
  'errors.NAME_TAKEN': 'Ese nombre se ve igual que el de otra persona del grupo. Elige otro, por favor.',
  'errors.JOIN_ANSWERS_DIFFER': 'Las personas del grupo dieron respuestas distintas a tu solicitud: todas dijeron que no, pero por motivos diferentes. Alguna puede estar equivocada o no querer que entres. Pregunta a quien te invitó si la invitación sigue siendo válida.',
}
