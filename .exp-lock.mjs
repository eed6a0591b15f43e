import Corestore from 'corestore'
import Storage from 'hypercore-storage'
import fs from 'fs'
const D = '/tmp/st-exp/l'
fs.rmSync(D, { recursive: true, force: true })
const a = new Corestore(new Storage(D, { allowBackup: true })); await a.ready()
console.log(fs.readdirSync(D), fs.readdirSync(D + '/db'))
const b = new Corestore(new Storage(D, { allowBackup: true }))
try { await b.ready(); console.log('second opened!') } catch (e) { console.log('second refused', e.code, e.message) }
