/**
 * Where a node meets the DHT, from `HOST:PORT[,HOST:PORT…]` (the CLI's and the web host's
 * `--bootstrap`, the desktop app's HEARTH_BOOTSTRAP). Nothing given means the public DHT. A
 * loopback bootstrap also binds the node to loopback, so a local testnet stays on this machine.
 */
import { HearthError } from '../errors.ts'
import type { DhtNodeAddress, NetworkOptions } from './holepunch-net.ts'

/** `from`: where the text came from, for the error (the CLI's option, the app's variable). */
export function networkOptions(bootstrap: string | undefined, from = '--bootstrap'): NetworkOptions {
  if (!bootstrap) return {}
  const nodes: DhtNodeAddress[] = bootstrap.split(',').map((hp) => {
    const m = /^([0-9a-zA-Z.-]+):(\d{1,5})$/.exec(hp.trim())
    if (!m || Number(m[2]) > 65535) throw new HearthError('INVALID_INPUT', `${from} wants HOST:PORT, not "${hp}"`)
    return { host: m[1] as string, port: Number(m[2]) }
  })
  const loopback = nodes.every((n) => n.host === 'localhost' || n.host.startsWith('127.'))
  return { bootstrap: nodes, ...(loopback ? { host: '127.0.0.1' } : {}) }
}
