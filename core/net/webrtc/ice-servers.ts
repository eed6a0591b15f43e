/**
 * The group's STUN and TURN servers (core/group/webrtc-settings.ts) in node-datachannel's form.
 * STUN goes as its URL; TURN as libdatachannel's structured server, so a username or credential
 * holding ':' or '@' cannot be misread as part of the address (its URL form puts them in
 * `turn:USER:PASS@HOST`). Default ports are the standard ones (RFC 8489: 3478, and 5349 for TLS).
 */
import type { IceServer } from 'node-datachannel'
import type { IceServerSetting } from '../../group/webrtc-settings.ts'

const PARTS = /^(stun|turn|turns):([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(?:\?transport=(udp|tcp))?$/

export function iceServersFor(settings: readonly IceServerSetting[]): Array<string | IceServer> {
  const out: Array<string | IceServer> = []
  for (const s of settings) {
    const m = PARTS.exec(s.url)
    if (!m) continue // webrtc-settings.ts refused it already; a reader never guesses
    const [, scheme, host, port, transport] = m as unknown as [string, string, string, string | undefined, string | undefined]
    if (scheme === 'stun') {
      out.push(s.url)
      continue
    }
    out.push({
      hostname: host.replace(/^\[|\]$/g, ''),
      port: port ? Number(port) : scheme === 'turns' ? 5349 : 3478,
      relayType: scheme === 'turns' ? 'TurnTls' : transport === 'tcp' ? 'TurnTcp' : 'TurnUdp',
      ...(s.username !== undefined ? { username: s.username } : {}),
      ...(s.credential !== undefined ? { password: s.credential } : {}),
    })
  }
  return out
}
