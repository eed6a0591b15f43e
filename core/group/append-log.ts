/**
 * Our own device log (core/store/device-log.ts) as a group space reads and writes it
 * (group-space.ts `AppendLog`): its key in hex, and many blocks read in one storage batch.
 */
import type { DeviceLog } from '../store/device-log.ts'
import type { AppendLog } from './group-space.ts'

export function asAppendLog(log: DeviceLog): AppendLog {
  const key = Buffer.from(log.key).toString('hex')
  return {
    key,
    get length() {
      return log.length
    },
    get byteLength() {
      return log.byteLength
    },
    append: (b) => log.append(b),
    get: (i) => log.get(i),
    getMany: (indexes) => log.getMany(indexes),
    quotaEnd: (q) => log.quotaEnd(q),
  }
}
