/**
 * `hearth`: the headless node's command line. Every command takes --profile DIR (default: the
 * same folder the desktop app uses), prints plain text or, with --json, one JSON document, and on
 * failure exits 1 with a coded error ({"ok":false,"error":{"code","message"}} under --json).
 *
 * While `hearth serve` runs on a profile, the other commands on that profile send their service
 * calls to it over its local socket (./cli/node-client.ts); otherwise they run the service here.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { ApiError } from '../core/api.ts'
import { errors, HearthError, isHearthError } from '../core/errors.ts'
import { createService } from '../core/service.ts'
import { defaultProfileDir } from '../core/store/profile-dir.ts'
import { archiveCommands } from './cli/archive-commands.ts'
import { commands as profileCommands, type Command } from './cli/commands.ts'
import { groupCommands } from './cli/group-commands.ts'
import { memberCommands } from './cli/member-commands.ts'
import { netCommands, networkOptions, transportOptions } from './cli/net-commands.ts'
import { connectToNode } from './cli/node-client.ts'
import { moderationCommands } from './cli/moderation-commands.ts'
import { restoreCommand } from './cli/restore-command.ts'
import { safetyCommands } from './cli/safety-commands.ts'
import { keeperCommands } from './cli/keeper-commands.ts'
import { webrtcCommands } from './cli/webrtc-commands.ts'
import { settingsCommands } from './cli/settings-commands.ts'
import { signalCommands } from './cli/signal-command.ts'

import { terminalSafe } from './cli/visible.ts'

const commands = {
  ...profileCommands, ...groupCommands, ...memberCommands, ...netCommands, ...archiveCommands, ...moderationCommands,
  restore: restoreCommand(archiveCommands.restore as Command, moderationCommands.restore as Command),
  ...safetyCommands, ...keeperCommands, ...settingsCommands, ...signalCommands, ...webrtcCommands,
}

const OPTIONS = {
  profile: { type: 'string' },
  json: { type: 'boolean' },
  'passphrase-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  yes: { type: 'boolean' },
  name: { type: 'string' },
  mode: { type: 'string' },
  pseudonym: { type: 'string' },
  group: { type: 'string' },
  text: { type: 'string' },
  cw: { type: 'string' },
  topic: { type: 'string' },
  to: { type: 'string' },
  kind: { type: 'string' },
  off: { type: 'boolean' },
  id: { type: 'string' },
  limit: { type: 'string' },
  before: { type: 'string' },
  bootstrap: { type: 'string' },
  transport: { type: 'string' },
  signal: { type: 'string', multiple: true },
  ice: { type: 'string', multiple: true },
  'ice-credential': { type: 'string' },
  clear: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  for: { type: 'string' },
  uses: { type: 'string' },
  expires: { type: 'string' },
  approval: { type: 'boolean' },
  role: { type: 'string' },
  wait: { type: 'string' },
  request: { type: 'string' },
  member: { type: 'string' },
  set: { type: 'string' },
  badge: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  'archive-passphrase-file': { type: 'string' },
  language: { type: 'string' },
  reason: { type: 'string' },
  note: { type: 'string' },
  level: { type: 'string' },
  option: { type: 'string', multiple: true },
  choice: { type: 'string' },
  closes: { type: 'string' },
  until: { type: 'string' },
  'removal-needs-second': { type: 'string' },
  invites: { type: 'string' },
  exports: { type: 'string' },
  section: { type: 'string' },
  about: { type: 'string' },
  code: { type: 'string' },
  'max-groups': { type: 'string' },
  quota: { type: 'string' },
  keeper: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

function helpText(): string {
  const rows = Object.values(commands).map((c) => `  ${c.usage.padEnd(48)} ${c.summary}`)
  return [
    'Usage: hearth <command> [--profile DIR] [--json] [--passphrase-file FILE]',
    '',
    'Commands:',
    ...rows,
    '',
    'The passphrase comes from HEARTH_PASSPHRASE, --passphrase-file, or a prompt.',
  ].join('\n')
}

function fail(error: ApiError, json: boolean): never {
  if (json) process.stdout.write(JSON.stringify({ ok: false, error }) + '\n')
  else process.stderr.write(terminalSafe(`hearth: ${error.message} [${error.code}]`) + '\n')
  process.exit(1)
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json')
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (e) {
    fail(errors.INVALID_INPUT((e as Error).message).toApiError(), json)
  }
  const [first, second, ...rest] = parsed.positionals
  // Two-word commands ("group create", "rules show") take precedence over one-word ones.
  const two = first && second ? `${first} ${second}` : undefined
  const name = two && Object.hasOwn(commands, two) ? two : first
  const positionals = name === two ? rest : [second, ...rest].filter((x): x is string => x !== undefined)
  if (parsed.values.help || !name) {
    process.stdout.write(helpText() + '\n')
    if (!name && !parsed.values.help) process.exit(1)
    return
  }
  const command = Object.hasOwn(commands, name) ? (commands as Record<string, (typeof commands)[keyof typeof commands]>)[name] : undefined
  if (!command) fail(errors.UNKNOWN_METHOD(`no command "${name}"; see hearth --help`).toApiError(), json)

  const meta = command as { network?: boolean; noProfile?: boolean; serves?: boolean }
  const profileDir = path.resolve(parsed.values.profile ?? defaultProfileDir())
  const node = meta.noProfile ? null : await connectToNode(profileDir)
  if (node && meta.serves) {
    await node.close()
    fail(new HearthError('PROFILE_BUSY', 'A node is already serving this profile').toApiError(), json)
  }
  let network
  try {
    network = meta.network ? { ...networkOptions(parsed.values.bootstrap), ...transportOptions(parsed.values.transport, parsed.values.signal) } : undefined
  } catch (e) {
    fail(isHearthError(e) ? e.toApiError() : errors.INTERNAL().toApiError(), json)
  }
  // A running node keeps the network it was started with; --bootstrap only shapes an in-process one.
  const service = node ?? createService({ profileDir, ...(network ? { network } : {}) })
  try {
    const value = await command.run({ service, options: parsed.values, positionals, profileDir, served: node !== null })
    process.stdout.write((json ? JSON.stringify(value) : terminalSafe(command.human(value))) + '\n')
  } catch (e) {
    fail(isHearthError(e) ? e.toApiError() : errors.INTERNAL().toApiError(), json)
  } finally {
    await service.close()
  }
}

await main(process.argv.slice(2))
// The command is done and the service closed (every write durable, every file shut): end now,
// once stdout has been handed over. What kept finished commands alive under load was found: a
// node-datachannel data channel that never opened (core/net/webrtc/ndc-peers.ts, now closed). The
// exit stays as a backstop only: session 8 also saw a `post` that opened no network live on, and
// that one was not caught again (docs/decisions.md, 2026-12-06, "store-ack").
process.stdout.write('', () => process.exit())
