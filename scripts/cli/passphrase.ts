/**
 * Where the CLI gets a passphrase: an environment variable, a file, or a prompt on the terminal
 * (typed without echo). Never from a command-line argument, which other users can read in `ps`.
 */
import { readFileSync } from 'node:fs'
import { errors } from '../../core/errors.ts'

export interface PassphraseSource {
  env: string
  file: string | undefined
  prompt: string
}

export async function readPassphrase(src: PassphraseSource): Promise<string> {
  const fromEnv = process.env[src.env]
  if (fromEnv) return fromEnv
  if (src.file) {
    try {
      return readFileSync(src.file, 'utf8').replace(/\r?\n$/, '')
    } catch {
      throw errors.INVALID_INPUT(`cannot read the passphrase file ${src.file}`)
    }
  }
  if (process.stdin.isTTY && process.stderr.isTTY) return promptHidden(src.prompt)
  throw errors.INVALID_INPUT(`no passphrase: set ${src.env}, pass a passphrase file, or run in a terminal`)
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin
    let typed = ''
    process.stderr.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    const done = (err: Error | null): void => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      process.stderr.write('\n')
      if (err) reject(err)
      else resolve(typed)
    }
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null)
        if (ch === '\u0003') return done(errors.INVALID_INPUT('cancelled'))
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('')
        else typed += ch
      }
    }
    stdin.on('data', onData)
  })
}
