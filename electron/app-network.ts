/**
 * Where the desktop app's groups sync: the public DHT, as `hearth serve` without --bootstrap.
 * Core keeps a node off the network unless it is given network options, and the shell once passed
 * none, so the app never went online at all (found in session 6). HEARTH_BOOTSTRAP=HOST:PORT points
 * it at another DHT, such as a local testnet for development and the shell's test; whoever can set
 * the app's environment already controls the computer it runs on.
 */
import { networkOptions } from '../core/net/bootstrap-option.ts'
import type { NetworkOptions } from '../core/net/holepunch-net.ts'

export function appNetwork(env: NodeJS.ProcessEnv): NetworkOptions {
  return networkOptions(env.HEARTH_BOOTSTRAP, 'HEARTH_BOOTSTRAP')
}
