/** Joining over WebRTC: the join form's optional signaling address, german (preview translation). */
import type { webrtcInviteEn } from '../en/webrtc-invite.ts'

export const webrtcInviteDe: Record<keyof typeof webrtcInviteEn, string> = {
  'webrtcInvite.address': 'Verbindungsadresse (nur wenn du eine bekommen hast)',
  'webrtcInvite.addressHelp': 'Wenn dein Netzwerk den üblichen Verbindungsweg sperrt, kann dir die Person, die dich eingeladen hat, eine Adresse geben, die mit <bdi>wss://</bdi> oder <bdi>ws://</bdi> beginnt. Sonst lass dieses Feld leer.',
}
