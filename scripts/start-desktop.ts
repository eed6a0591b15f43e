/**
 * `npm start`: launches the desktop app with Electron. Electron (≥ 45) fetches its binary on
 * first launch; where it cannot (no internet, a blocked download, an unsupported system), this
 * says so in one plain paragraph and offers `npm run web` — the same app in a browser — instead
 * of ending in a stack trace.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'

export const NO_ELECTRON = [
  'Hearth could not start its desktop window: Electron, the program that draws it, is not',
  'available on this computer (it is fetched from the internet the first time you start, and that',
  'did not work here, or this system cannot run it). Nothing in your profile was touched. You can',
  'use the same app in your browser instead: run `npm run web` and open the address it prints.',
  'To try the desktop window again later, connect to the internet and run `npm start`.',
].join(' ')

export interface LaunchDeps {
  /** The Electron executable's path; throws when it is missing and cannot be fetched. */
  resolve(): string
  spawn(cmd: string, args: string[]): ChildProcess
  print(text: string): void
}

/** Starts Electron on this folder; resolves with the exit code to leave with. */
export function launch(deps: LaunchDeps, args: string[] = ['.']): Promise<number> {
  let bin: string
  try {
    bin = deps.resolve()
  } catch {
    deps.print(NO_ELECTRON)
    return Promise.resolve(1)
  }
  return new Promise((resolve) => {
    const child = deps.spawn(bin, args)
    child.on('error', () => {
      deps.print(NO_ELECTRON)
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

function realDeps(): LaunchDeps {
  const require = createRequire(import.meta.url)
  return {
    // The electron package's main export is only the executable's path (fetching the binary first
    // if needed); no Electron API is loaded into this process, which is what the layer rule guards.
    // eslint-disable-next-line hearth/layer-imports -- the path, not the API
    resolve: () => require('electron') as string,
    spawn: (cmd, args) => nodeSpawn(cmd, args, { stdio: 'inherit' }),
    print: (text) => process.stderr.write(`\n${text}\n`),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await launch(realDeps(), process.argv.slice(2).length ? process.argv.slice(2) : ['.'])
}
