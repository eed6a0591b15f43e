import Corestore from 'corestore'
import Storage from 'hypercore-storage'
import crypto from 'hypercore-crypto'
import fs from 'fs'
import { createHash } from 'crypto'
const D = '/tmp/st-exp/w'
const mode = process.argv[2]
const kp = crypto.keyPair(Buffer.alloc(32, 7))
const manifest = { version: 1, signers: [{ publicKey: kp.publicKey }] }
function hashes() { const o = {}; for (const f of fs.readdirSync(D + '/db')) { try { o[f] = createHash('sha256').update(fs.readFileSync(D + '/db/' + f)).digest('hex').slice(0, 8) } catch (e) { o[f] = e.code } } return o }
if (mode === 'write') {
  fs.rmSync(D, { recursive: true, force: true })
  const S = new Corestore(D); const a = S.get({ manifest }); await a.ready()
  for (let i = 0; i < 3; i++) await a.append(Buffer.from('block ' + i + ' '.repeat(100)), { keyPair: kp })
  process.kill(process.pid, 'SIGKILL')
}
const walMode = Number(process.argv[3] ?? 1)
const before = hashes()
const st = new Storage(D, { createIfMissing: false, walRecoveryMode: walMode })
const S = new Corestore(st)
try {
  const a = S.get({ manifest }); await a.ready()
  console.log('opened, length', a.length)
  await S.close()
} catch (e) { console.log('ERR', e.code, e.message); await S.close().catch(() => {}) }
const after = hashes()
for (const f of new Set([...Object.keys(before), ...Object.keys(after)])) if (before[f] !== after[f]) console.log('changed', f, before[f], after[f])
