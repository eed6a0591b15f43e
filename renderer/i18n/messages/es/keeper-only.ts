/** Keeper-only mode in Settings and the sync line, Spanish (preview translation). */
import type { keeperOnlyEn } from '../en/keeper-only.ts'

export const keeperOnlyEs: Record<keyof typeof keeperOnlyEn, string> = {
  'keeperOnly.title': 'Oculta tu dirección de internet a los demás miembros',
  'keeperOnly.switch': 'Sincronizar solo a través del guardián del grupo',
  'keeperOnly.help': 'Con esto activado, en los grupos que tienen guardián, Hearth se conecta solo con el guardián. Los demás miembros nunca ven tu dirección de internet, que puede mostrar más o menos dónde estás. El precio: cuando el guardián está apagado, nada se sincroniza hasta que vuelva. Al unirte a un grupo nuevo te conectas una vez con el miembro que te deja entrar.',
  'keeperOnly.nowOn': 'Activado. En los grupos con guardián, sincronizas solo a través del guardián.',
  'keeperOnly.nowOff': 'Desactivado. Te conectas directamente con los demás miembros, así que pueden ver tu dirección de internet.',
  'keeperOnly.sync.down': '<b>No se puede llegar a ningún guardián.</b> Sincronizas solo a través del guardián del grupo, y ahora no se puede llegar a él. Tus palabras se quedan en este dispositivo hasta que vuelva.',
  'keeperOnly.sync.note': 'Solo a través del guardián: los demás miembros no ven tu dirección de internet.',
}
