/**
 * Starting a HyperDHT node, the one way every Hearth swarm does it (a group's swarm, the keeper,
 * a member's link to the keeper): a node that fails to start is destroyed before the error
 * leaves, so no socket stays bound, and the error is NETWORK_UNAVAILABLE.
 */
import { errors } from '../errors.ts'
import { HyperDHT, type DhtNodeAddress } from './holepunch-net.ts'

export type DhtNode = InstanceType<typeof HyperDHT>

/** `bootstrap` undefined is the public DHT (tests pass their testnet's); `host` the address to bind. */
export async function startDhtNode(opts: { bootstrap?: DhtNodeAddress[]; host?: string }): Promise<DhtNode> {
  let dht: DhtNode | null = null
  try {
    dht = new HyperDHT({ bootstrap: opts.bootstrap, host: opts.host })
    await dht.ready()
    return dht
  } catch (e) {
    await dht?.destroy({ force: true }).catch(() => undefined)
    throw errors.NETWORK_UNAVAILABLE('the DHT node could not start', { cause: e })
  }
}
