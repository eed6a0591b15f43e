/**
 * A three-node HyperDHT on 127.0.0.1 for the tests where two people meet (DESIGN.md §4): each web
 * host gets `--bootstrap` with its address, so nothing reaches the public DHT.
 */
import { createRequire } from 'node:module'

interface DhtAddress {
  host: string
  port: number
}

export interface Testnet {
  /** `HOST:PORT,…`, as the web host's --bootstrap takes it. */
  bootstrap: string
  destroy(): Promise<void>
}

export async function startTestnet(): Promise<Testnet> {
  const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (size: number, opts: { host: string }) => Promise<{ bootstrap: DhtAddress[]; destroy(): Promise<void> }>
  const net = await createTestnet(3, { host: '127.0.0.1' })
  return { bootstrap: net.bootstrap.map((n) => `${n.host}:${n.port}`).join(','), destroy: () => net.destroy() }
}
