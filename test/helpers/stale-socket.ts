/** A socket file with nobody behind it, for tests of a node's start-up after a crash. */
import { spawn } from 'node:child_process'

/** Leaves a socket file with nobody behind it, as a node killed with SIGKILL does. */
export async function staleSocket(file: string): Promise<void> {
  const script = "require('node:net').createServer().listen(process.argv[1], () => console.log('up'))"
  const proc = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise((resolve) => proc.stdout.once('data', resolve))
  proc.kill('SIGKILL')
  await new Promise((resolve) => proc.once('exit', resolve))
}
