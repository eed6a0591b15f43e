/**
 * y-webrtc's own signaling server (`bin/server.js` from the installed y-webrtc package, run
 * unmodified) bound to 127.0.0.1 on a free port: it listens on every interface and on $PORT by
 * itself, so the one `listen` call it makes is steered to loopback here. Prints {"port":N}.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

const listen = http.Server.prototype.listen
const listenOn = listen as unknown as (this: http.Server, port: number, host: string) => http.Server
http.Server.prototype.listen = function (this: http.Server) {
  this.once('listening', () => process.stdout.write(JSON.stringify({ port: (this.address() as AddressInfo).port }) + '\n'))
  return listenOn.call(this, 0, '127.0.0.1')
} as typeof listen

await import(fileURLToPath(new URL('../../../node_modules/y-webrtc/bin/server.js', import.meta.url)))
