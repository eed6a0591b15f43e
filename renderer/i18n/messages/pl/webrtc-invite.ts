/** Joining over WebRTC: the join form's optional signaling address, polish (preview translation). */
import type { webrtcInviteEn } from '../en/webrtc-invite.ts'

export const webrtcInvitePl: Record<keyof typeof webrtcInviteEn, string> = {
  'webrtcInvite.address': 'Adres połączenia (tylko jeśli został ci podany)',
  'webrtcInvite.addressHelp': 'Jeśli twoja sieć blokuje zwykły sposób łączenia, osoba, która cię zaprosiła, może dać ci adres zaczynający się od <bdi>wss://</bdi> lub <bdi>ws://</bdi>. W przeciwnym razie zostaw to pole puste.',
}
