/**
 * Says where it runs from: the file Node started, its own import.meta location, and the stack of
 * an error made here (built-children.test.ts checks that a built child maps it to this .ts file).
 */
import { createRequire } from 'node:module'

const hypercore = createRequire(import.meta.url).resolve('hypercore')
const err = new Error('made on purpose')
process.stdout.write(
  JSON.stringify({ started: process.argv[1], url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename, hypercore, stack: err.stack }) + '\n',
)
