/**
 * Telling a keeper protocol version apart (keeper-wire.ts). Protomux pairs channels by protocol
 * name, so a v1 node and a v2 node would simply never pair: the member would wait for ever and
 * the keeper time the connection out, both silent. Each v2 node therefore listens (Protomux
 * `pair`, never opening one itself, so two v2 nodes never meet there) for the other side opening
 * an old name; if it does, that side speaks v1, and this side says so with a code
 * (KEEPER_OLD_VERSION) and closes, instead of a silent mismatch. A future v3 does the same for v2.
 */
import { Protomux, type NoiseStream } from '../net/holepunch-net.ts'

export const OLD_KEEPER_PROTOCOLS = ['hearth/keeper/v1'] as const
export type VersionRefusal = 'KEEPER_OLD_VERSION'

/** Calls `refuse` once if the other side opens an older keeper protocol on this stream. */
export function watchOldVersions(stream: NoiseStream, refuse: (code: VersionRefusal, protocol: string) => void): void {
  let said = false
  const mux = Protomux.from(stream)
  for (const protocol of OLD_KEEPER_PROTOCOLS) {
    mux.pair({ protocol, id: null }, () => {
      if (said) return
      said = true
      refuse('KEEPER_OLD_VERSION', protocol)
    })
  }
}
