/**
 * The CLI's commands. Each one talks to the node only through the service (core/api.ts), exactly
 * like the desktop app does, and returns a plain value that is printed as text or as JSON.
 */
import type { Result } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import type { HearthService } from '../../core/service.ts'
import { readPassphrase } from './passphrase.ts'

export interface CommandContext {
  /** The service in this process, or a client of the node already serving the profile. */
  service: HearthService
  options: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
  /** The profile folder, absolute. */
  profileDir: string
  /** True when `service` is a running node reached over its local socket. */
  served: boolean
}

export interface Command {
  usage: string
  summary: string
  run(ctx: CommandContext): Promise<unknown>
  human(value: unknown): string
}

/** Unwraps a service Result, so commands read as straight-line code; failures carry their code. */
export async function expectOk<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r
  if (res.ok) return res.value
  throw new HearthError(res.error.code, res.error.message, res.error.retryAfterMs === undefined ? {} : { retryAfterMs: res.error.retryAfterMs })
}

/** A string option, or undefined. */
export function opt(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.options[name]
  return typeof v === 'string' ? v : undefined
}

/** A string option that must be there. */
export function need(ctx: CommandContext, name: string): string {
  const v = opt(ctx, name)
  if (v === undefined || v === '') throw new HearthError('INVALID_INPUT', `--${name} is required`)
  return v
}

const passphraseFile = opt

export function currentPassphrase(ctx: CommandContext): Promise<string> {
  return readPassphrase({ env: 'HEARTH_PASSPHRASE', file: passphraseFile(ctx, 'passphrase-file'), prompt: 'Passphrase: ' })
}

export async function unlocked(ctx: CommandContext): Promise<void> {
  await expectOk(ctx.service.unlock({ passphrase: await currentPassphrase(ctx) }))
}

const statusText = (v: unknown): string => {
  const s = v as { exists: boolean; unlocked: boolean; retryAfterMs: number; serving?: boolean }
  if (!s.exists) return 'No profile here yet. Create one with: hearth init'
  const wait = s.retryAfterMs > 0 ? ` Wait ${Math.ceil(s.retryAfterMs / 1000)} s before the next try.` : ''
  const node = s.serving ? ' A node (hearth serve) is running on it; commands go to that node.' : ''
  return `Profile found (${s.unlocked ? 'unlocked' : 'locked'}).${node}${wait}`
}

export const commands: Record<string, Command> = {
  init: {
    usage: 'hearth init [--name PSEUDONYM]',
    summary: 'create a profile, protected by a passphrase (there is no recovery if you lose it)',
    async run(ctx) {
      const passphrase = await currentPassphrase(ctx)
      const name = typeof ctx.options.name === 'string' ? ctx.options.name : undefined
      return expectOk(ctx.service.createProfile({ passphrase, ...(name ? { name } : {}) }))
    },
    human: () => 'Profile created. Keep your passphrase safe: nobody can recover it for you.',
  },
  status: {
    usage: 'hearth status',
    summary: 'say whether a profile exists, whether a node is serving it, and whether unlocking must wait',
    run: async (ctx) => ({ ...(await expectOk(ctx.service.profileStatus({}))), serving: ctx.served }),
    human: statusText,
  },
  passwd: {
    usage: 'hearth passwd [--new-passphrase-file FILE]',
    summary: 'change the passphrase (new one from HEARTH_NEW_PASSPHRASE, a file, or a prompt)',
    async run(ctx) {
      const current = await currentPassphrase(ctx)
      await expectOk(ctx.service.unlock({ passphrase: current }))
      const next = await readPassphrase({
        env: 'HEARTH_NEW_PASSPHRASE',
        file: passphraseFile(ctx, 'new-passphrase-file'),
        prompt: 'New passphrase: ',
      })
      return expectOk(ctx.service.changePassphrase({ current, next }))
    },
    human: () => 'Passphrase changed.',
  },
  destroy: {
    usage: 'hearth destroy --yes',
    summary: 'panic wipe: destroy the keys and delete the profile, with no way back',
    async run(ctx) {
      if (ctx.options.yes !== true) throw new HearthError('INVALID_INPUT', 'destroy deletes everything for good; add --yes to confirm')
      return expectOk(ctx.service.destroyProfile({ confirm: true }))
    },
    human: () => 'Profile destroyed.',
  },
}

